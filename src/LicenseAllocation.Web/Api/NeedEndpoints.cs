using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Web.Localization;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

/// <summary>Needs (computers to protect) and the coverage they give rise to.</summary>
internal static class NeedEndpoints
{
    public static RouteGroupBuilder MapNeedEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/plans/{planId:int}/units/{unitId:int}/need", StateNeedAsync).WithName("StateNeed")
            .WithSummary("States a unit's need { computers, reason? }: the number of computers it must protect. 200 with the unit's coverage; 400 invalid-need | reason-required | invalid-characters; 403 forbidden | out-of-scope; 404; 409 unit-inactive | plan-locked.");
        api.MapPut("/plans/{planId:int}/needs", StateNeedsAsync).WithName("StateNeeds")
            .WithSummary("States many needs { reason, items: [{ unitId, computers }] }, all or nothing. 200 { changed }; 400 invalid-need; 403 out-of-scope when any item is; 409 plan-locked | batch-refused with items [{ unitId, code, message, limit }].");
        api.MapGet("/plans/{planId:int}/coverage", GetCoverageAsync).WithName("GetCoverage")
            .WithSummary("Coverage of every unit the caller may read (or of unitId's subtree), in tree order: need, allocated (own share), selfPurchased, covered, shortfall, surplus, coveragePercent, status, and the same under subtree. 403 out-of-scope; 404.");
        api.MapGet("/plans/{planId:int}/coverage.xlsx", DownloadCoverageAsync).WithName("DownloadCoverage").OneExportAtATime()
            .WithSummary("The coverage report as a workbook (optional unitId): one row per unit, a subtotal per district, the total; Decree 30 print setup, landscape. 403 out-of-scope; 404.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        api.MapPost("/plans/{planId:int}/units/{unitId:int}/split-suggestion", SuggestSplitAsync).WithName("SuggestSplit")
            .WithSummary("Proposes how the unit splits { amount? (default its quantity), basis: shortfall | need | even } among its active children by the largest remainder; changes nothing. 200 { amount, basis, usedBasis, items: [{ unitId, name, current, suggested, exact }] }; 400 invalid-split; 403 out-of-scope; 404.");
        return api;
    }

    private static async Task<IResult> DownloadCoverageAsync(int planId, int? unitId, HttpContext context, CoverageQuery coverage, CancellationToken cancellationToken)
    {
        var outcome = await coverage.GetAsync(ApiCaller.Of(context), planId, unitId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        var workbook = new MemoryStream();
        CoverageWorkbook.Write(outcome.Value, workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, AppendixEndpoints.XlsxContentType, $"muc-bao-dam-ke-hoach-{planId}.xlsx");
    }

    private static async Task<IResult> SuggestSplitAsync(int planId, int unitId, SplitRequest request, HttpContext context, SplitService splits, CancellationToken cancellationToken)
    {
        SplitBasis? basis = (request.Basis?.Trim().ToUpperInvariant() ?? "SHORTFALL") switch
        {
            "SHORTFALL" => SplitBasis.Shortfall,
            "NEED" => SplitBasis.Need,
            "EVEN" => SplitBasis.Even,
            _ => null,
        };
        if (basis is null)
        {
            return ApiProblems.Refusal(AllocationError.InvalidSplit(request.Amount ?? 0));
        }

        var outcome = await splits.SuggestAsync(ApiCaller.Of(context), planId, unitId, request.Amount, basis.Value, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(SplitResponse.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> StateNeedAsync(int planId, int unitId, NeedRequest request, HttpContext context, NeedService needs, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        if (!request.TryGetComputers(out var computers))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-need", ApiText.NeedNotANumber);
        }

        var outcome = await needs.StateAsync(caller, new StateNeed(planId, unitId, computers, request.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(CoverageItemDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> StateNeedsAsync(int planId, NeedBatchRequest request, HttpContext context, NeedService needs, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var items = new List<NeedItem>();
        foreach (var item in request.Items ?? [])
        {
            if (!item.TryGetComputers(out var computers))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-need", ApiText.NeedNotANumber);
            }

            items.Add(new NeedItem(item.UnitId, computers));
        }

        var result = await needs.StateManyAsync(caller, new StateNeeds(planId, request.Reason, items), cancellationToken);
        if (result.Error is { } error)
        {
            return ApiProblems.Refusal(error);
        }

        if (!result.Applied && result.Refused.Any(r => r.Error.Code == AllocationErrorCode.OutOfScope))
        {
            return ApiProblems.Refusal(AllocationError.OutOfScope());
        }

        if (!result.Applied && result.Refused.Any(r => r.Error.Code == AllocationErrorCode.InvalidNeed) && result.Refused.Count == 1)
        {
            return ApiProblems.Refusal(result.Refused[0].Error);
        }

        if (!result.Applied)
        {
            var refused = result.Refused
                .Select(r => new BatchRefusalDto(r.UnitId, r.Error.Code.ApiCode(), RefusalMessages.Describe(r.Error, CultureInfo.CurrentUICulture), r.Error.Limit))
                .ToList();
            return TypedResults.Problem(
                detail: Ui.F(ApiText.BatchRefused, refused.Count),
                statusCode: StatusCodes.Status409Conflict,
                title: ApiText.RequestRefused,
                extensions: new Dictionary<string, object?> { ["code"] = "batch-refused", ["items"] = refused });
        }

        return TypedResults.Ok(new NeedBatchResponse(result.Changed));
    }

    private static async Task<IResult> GetCoverageAsync(int planId, int? unitId, HttpContext context, CoverageQuery coverage, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var outcome = await coverage.GetAsync(caller, planId, unitId, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(new CoverageResponse(planId, outcome.Value.RootUnitId, [.. outcome.Value.Items.Select(CoverageItemDto.From)]))
            : ApiProblems.Refusal(outcome.Error);
    }
}
