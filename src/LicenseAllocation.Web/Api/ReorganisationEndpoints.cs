using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Web.Api;

/// <summary>The recorded reorganisations of the structure (the 2025 one of Đồng Tháp ships with the portal).</summary>
internal static class ReorganisationEndpoints
{
    public static RouteGroupBuilder MapReorganisationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/reorganisations", ListAsync).WithName("ListReorganisations")
            .WithSummary("Every recorded reorganisation [{ id, name, effectiveFrom, legalBasis, newUnits, links }].");
        api.MapGet("/reorganisations/{reorganisationId:int}", GetAsync).WithName("GetReorganisation")
            .WithSummary("One reorganisation with its new units [{ unitId, code, name, kind, agencyCode, formedFrom: [{ unitId, code, name, share, partial, confirmed }] }]. 404 not-found.");
        api.MapPost("/plans/{planId:int}/successors", CreateSuccessorAsync).WithName("CreateSuccessorPlan")
            .WithSummary("Creates a draft plan on a reorganisation's new structure from this plan's figures { reorganisationId, name, year, reason, confirm: [{ oldUnitId, newUnitId, share }], acceptUnconfirmed }. ?dryRun=true: 200 preview. 201 { plan, carried, notPlaced, unconfirmed, oldTotal, newTotal }; 400 invalid-plan-name | invalid-year | invalid-shares; 404 not-found; 409 unconfirmed-links (with links) | duplicate-plan | not-predecessor-plan.");
        api.MapGet("/units/{unitId:int}/lineage", LineageAsync).WithName("GetUnitLineage")
            .WithSummary("Where a unit came from and what it became { unitId, name, code, validFrom, validTo, predecessors: [...], successors: [{ unitId, code, name, share, partial, confirmed, reorganisationId, reorganisation, effectiveFrom, legalBasis }] }. 404 not-found.");
        return api;
    }

    private static async Task<IResult> LineageAsync(int unitId, HttpContext context, UnitLineage lineage, CancellationToken cancellationToken)
    {
        var outcome = await lineage.GetAsync(ApiCaller.Of(context), unitId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> CreateSuccessorAsync(
        int planId, SuccessorPlanRequest request, bool? dryRun, HttpContext context, SuccessorPlans successors, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return ApiProblems.Refusal(AllocationError.Forbidden());
        }

        var command = new CreateSuccessorPlan(
            planId, request.ReorganisationId ?? 0, request.Name, request.Year ?? 0, request.Reason,
            [.. (request.Confirm ?? []).Select(c => new LinkChoice(c.OldUnitId, c.NewUnitId, c.Share))], request.AcceptUnconfirmed ?? false);
        if (dryRun == true)
        {
            var preview = await successors.PreviewAsync(caller, command, cancellationToken);
            return preview.Succeeded ? TypedResults.Ok(SuccessorPlanDto.From(preview.Value)) : ApiProblems.Refusal(preview.Error);
        }

        var outcome = await successors.CreateAsync(caller, command, cancellationToken);
        if (outcome.Succeeded)
        {
            return TypedResults.Created($"/api/v1/plans/{outcome.Value.Plan!.Id}", SuccessorPlanDto.From(outcome.Value));
        }

        if (outcome.Error.Code == AllocationErrorCode.UnconfirmedLinks
            && await successors.PreviewAsync(caller, command, cancellationToken) is { Succeeded: true } open)
        {
            return TypedResults.Problem(
                detail: RefusalMessages.Describe(outcome.Error, CultureInfo.CurrentUICulture),
                statusCode: StatusCodes.Status409Conflict,
                title: Resources.Api.RequestRefused,
                extensions: new Dictionary<string, object?> { ["code"] = outcome.Error.Code.ApiCode(), ["links"] = open.Value.Unconfirmed });
        }

        return ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ReorganisationQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await queries.ListAsync(ApiCaller.Of(context), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value.Select(ReorganisationDto.From).ToList()) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> GetAsync(int reorganisationId, HttpContext context, ReorganisationQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(ApiCaller.Of(context), reorganisationId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(ReorganisationDetailsDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
