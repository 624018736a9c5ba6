using System.Globalization;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Localization;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

internal static class UnitEndpoints
{
    /// <summary>The longest GSO code the unit table stores.</summary>
    private const int MaxCodeLength = 16;

    public static RouteGroupBuilder MapUnitEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/plans/{planId:int}/quantities", ApplyBatchAsync).WithName("ChangeQuantities")
            .WithSummary("Saves many quantities with one reason (and optionally one documentRef), all or nothing. 200 { changeSetId, items }; 400 reason-required | invalid-quantity | document-ref-too-long; 403 out-of-scope when any item is; 409 plan-locked | batch-refused with items [{ unitId, code, message, limit }] (code children-exceed-parent when several units raised together exceed their parent, with the total and the excess in the message).");
        api.MapPost("/plans/{planId:int}/units", AddUnitAsync).WithName("AddUnit")
            .WithSummary("Adds a unit under a parent with quantity 0. 201 with the node; 400 invalid-name | invalid-characters | mixed-script | invalid-unit-kind; 403 out-of-scope; 404; 409 duplicate-name | plan-locked.");
        api.MapPatch("/plans/{planId:int}/units/{unitId:int}", UpdateUnitAsync).WithName("UpdateUnit")
            .WithSummary("Renames, reorders (order from 1), deactivates or reactivates a unit, or sets its electronic agency identifier { agencyCode } (NNN.NN.NN.Xnn; administrator; 400 invalid-agency-code, 409 duplicate-agency-code). 400 invalid-name | invalid-characters | mixed-script | invalid-order; 403 out-of-scope; 409 duplicate-name | unit-not-empty | unit-held-in-other-plan | plan-locked.");
        api.MapPost("/plans/{planId:int}/units/{unitId:int}/standard-agencies", AddStandardAgenciesAsync).WithName("AddStandardDistrictAgencies")
            .WithSummary("Adds the specialised offices of a district-level committee (Decree 108/2020/NĐ-CP) that it does not have yet; 200 with the units added; 409 plan-locked.");
        return api;
    }

    private static async Task<IResult> ApplyBatchAsync(
        int planId, QuantityBatchRequest request, HttpContext context, QuantityBatchService batches, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var items = new List<QuantityBatchItem>();
        foreach (var item in request.Items ?? [])
        {
            if (!item.TryGetQuantity(out var quantity))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-quantity", ApiText.QuantityNotANumber);
            }

            items.Add(new QuantityBatchItem(item.UnitId, quantity));
        }

        var result = await batches.ApplyAsync(caller, new QuantityBatch(planId, request.Reason, items, request.DocumentRef), cancellationToken);
        if (result.Error is { } error)
        {
            return ApiProblems.Refusal(error);
        }

        // A batch that reaches outside the caller's scope is refused as such: 403, as any out-of-scope write is.
        if (!result.Applied && result.Refused.Any(r => r.Error.Code == AllocationErrorCode.OutOfScope))
        {
            return ApiProblems.Refusal(AllocationError.OutOfScope());
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

        return TypedResults.Ok(new QuantityBatchResponse(result.ChangeSetId, [.. result.Changed.Select(UnitDto.From)]));
    }

    private static async Task<IResult> AddUnitAsync(
        int planId, AddUnitRequest request, HttpContext context, UnitAdministration units, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        if (!Enum.TryParse<UnitKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            return ApiProblems.Refusal(AllocationError.InvalidUnitKind());
        }

        if (request.Code is { } code && code.Trim().Length > MaxCodeLength)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-code", ApiText.InvalidCode);
        }

        var outcome = await units.AddUnitAsync(caller, planId, request.ParentUnitId, request.Name ?? string.Empty, kind, request.Code, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/plans/{planId}/units/{outcome.Value.UnitId}", UnitDto.From(outcome.Value))
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> UpdateUnitAsync(
        int planId, int unitId, UpdateUnitRequest request, HttpContext context, UnitAdministration units, AgencyCodes agencyCodes, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        if (request.AgencyCode is not null)
        {
            // The electronic agency identifier ("" clears it): 400 invalid-agency-code, 409 duplicate-agency-code.
            var coded = await agencyCodes.SetAsync(caller, planId, unitId, request.AgencyCode, cancellationToken);
            if (!coded.Succeeded || (request.Name is null && request.Order is null && request.Active is null))
            {
                return coded.Succeeded ? TypedResults.Ok(UnitDto.From(coded.Value)) : ApiProblems.Refusal(coded.Error);
            }
        }

        var outcome = await units.UpdateUnitAsync(caller, planId, unitId, request.Name, request.Order, request.Active, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(UnitDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> AddStandardAgenciesAsync(
        int planId, int unitId, HttpContext context, UnitAdministration units, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await units.AddStandardDistrictAgenciesAsync(caller, planId, unitId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value.Select(UnitDto.From)) : ApiProblems.Refusal(outcome.Error);
    }
}
