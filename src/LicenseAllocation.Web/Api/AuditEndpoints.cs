using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// The audit trail: a plan's trail and the whole portal's (which adds the rows about user accounts), filtered and paged
/// newest first or exported whole to Excel; one unit's history; the integrity check of the hash chain. The services
/// decide who sees what: scoped roles their subtree, only the administrator and the auditor the check.
/// </summary>
internal static class AuditEndpoints
{
    private const string Filters = "Filters: unitId (the unit and its subtree), from and to (yyyy-MM-dd, inclusive, Vietnam time UTC+7), userName, action (AuditAction name), changeSetId";

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/audit", PlanTrailAsync).WithName("PlanAuditTrail")
            .WithSummary($"The plan's audit trail, newest first, 50 rows a page (page from 1). {Filters}. 400 invalid-filter; 403 out-of-scope; 404.");
        api.MapGet("/plans/{planId:int}/audit.xlsx", PlanWorkbookAsync).WithName("PlanAuditWorkbook")
            .WithSummary($"Every row of the plan's filtered trail as an Excel workbook. {Filters}.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        api.MapGet("/audit", TrailAsync).WithName("AuditTrail")
            .WithSummary($"The whole trail of every plan and, for administrators and auditors, of user accounts; newest first, 50 rows a page. {Filters}.");
        api.MapGet("/audit.xlsx", WorkbookAsync).WithName("AuditWorkbook")
            .WithSummary($"Every row of the whole filtered trail as an Excel workbook. {Filters}.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        api.MapGet("/audit/verify", VerifyAsync).WithName("VerifyAuditTrail")
            .WithSummary("Re-computes the hash chain and the keyed seals: { valid, checked, firstBrokenId, firstBrokenSequence, problem, headHash, headSequence, head, keyedSealsChecked, checkpointHeld, message }. "
                + "expectHead=<sequence>:<hash> (a head recorded earlier) also says whether the chain still holds it (problem checkpoint-lost when not; 400 invalid-checkpoint). Administrators and auditors only.");
        api.MapGet("/plans/{planId:int}/units/{unitId:int}/history", UnitHistoryAsync).WithName("UnitHistory")
            .WithSummary("Every audit row of one unit in the plan, oldest first, with the quantity after each and whether the trail reconciles with the stored figure.");
        return api;
    }

    private static Task<IResult> PlanTrailAsync(int planId, [AsParameters] AuditQueryParameters query, HttpContext context, AuditQueries audit, CancellationToken cancellationToken) =>
        PageAsync(planId, query, context, audit, cancellationToken);

    private static Task<IResult> TrailAsync([AsParameters] AuditQueryParameters query, HttpContext context, AuditQueries audit, CancellationToken cancellationToken) =>
        PageAsync(null, query, context, audit, cancellationToken);

    private static Task<IResult> PlanWorkbookAsync(int planId, [AsParameters] AuditQueryParameters query, HttpContext context, AuditQueries audit, CancellationToken cancellationToken) =>
        ExportAsync(planId, query, context, audit, cancellationToken);

    private static Task<IResult> WorkbookAsync([AsParameters] AuditQueryParameters query, HttpContext context, AuditQueries audit, CancellationToken cancellationToken) =>
        ExportAsync(null, query, context, audit, cancellationToken);

    private static async Task<IResult> PageAsync(int? planId, AuditQueryParameters query, HttpContext context, AuditQueries audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var parsed = query.Parse(planId);
        if (!parsed.Understood)
        {
            return InvalidFilter(parsed.Problems[0], context.RequestServices);
        }

        var outcome = await audit.PageAsync(caller, parsed.Filter, parsed.Page, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(AuditPageDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ExportAsync(int? planId, AuditQueryParameters query, HttpContext context, AuditQueries audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var parsed = query.Parse(planId);
        if (!parsed.Understood)
        {
            return InvalidFilter(parsed.Problems[0], context.RequestServices);
        }

        var outcome = await audit.ExportAsync(caller, parsed.Filter, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        var workbook = new MemoryStream();
        AuditWorkbook.Write(outcome.Value, workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, AppendixEndpoints.XlsxContentType, planId is { } id ? $"nhat-ky-ke-hoach-{id}.xlsx" : "nhat-ky.xlsx");
    }

    /// <summary>Shaped as <see cref="ApiProblems"/> shapes a refusal, with the sentence the trail page shows for the same parameter.</summary>
    private static ProblemHttpResult InvalidFilter(AuditQueryProblem problem, IServiceProvider services) =>
        TypedResults.Problem(
            detail: problem.Describe(services.GetRequiredService<IStringLocalizer<Auditing>>()),
            statusCode: StatusCodes.Status400BadRequest,
            title: services.GetRequiredService<IStringLocalizer<Common>>()[nameof(Common.RequestRefused)],
            extensions: new Dictionary<string, object?> { ["code"] = "invalid-filter" });

    private static async Task<IResult> VerifyAsync(string? expectHead, HttpContext context, AuditChainVerifier verifier, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        AuditCheckpoint? checkpoint = null;
        if (expectHead is not null && !AuditCheckpoint.TryParse(expectHead, out checkpoint))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-checkpoint", ApiText.InvalidCheckpoint);
        }

        var outcome = await verifier.VerifyAsync(caller, checkpoint, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(AuditVerdicts.ToDto(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> UnitHistoryAsync(int planId, int unitId, HttpContext context, AuditQueries audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await audit.UnitHistoryAsync(caller, planId, unitId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(UnitHistoryDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
