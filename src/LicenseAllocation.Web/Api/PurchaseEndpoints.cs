using LicenseAllocation.Application.Needs;
using LicenseAllocation.Domain.Needs;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

/// <summary>Licences a unit bought itself: recorded, listed, cancelled (never deleted).</summary>
internal static class PurchaseEndpoints
{
    public static RouteGroupBuilder MapPurchaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/plans/{planId:int}/units/{unitId:int}/purchases", RecordAsync).WithName("RecordPurchase")
            .WithSummary("Records licences the unit bought { productName, vendor, quantity, contractNumber, contractDate, termStart, termEnd (yyyy-MM-dd), licenceKey?, note? }. 201; 400 invalid-purchase | invalid-date | invalid-characters; 403 forbidden | out-of-scope; 404; 409 product-not-announced | different-product | plan-locked.");
        api.MapGet("/plans/{planId:int}/units/{unitId:int}/purchases", ListAsync).WithName("ListPurchases")
            .WithSummary("The unit's self-purchases, newest first, cancelled ones marked; licenceKey masked except for the province administrator. 403 out-of-scope; 404.");
        api.MapPost("/purchases/{id:long}/cancel", CancelAsync).WithName("CancelPurchase")
            .WithSummary("Cancels a self-purchase with a reason { reason }; it stays listed and in the trail. 200; 400 reason-required; 403; 404; 409 purchase-cancelled | plan-locked.");
        return api;
    }

    private static async Task<IResult> RecordAsync(int planId, int unitId, PurchaseRequest request, HttpContext context, PurchaseService purchases, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        if (!request.TryGetQuantity(out var quantity))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-purchase", ApiText.PurchaseQuantityNotANumber);
        }

        if (!ApiDates.TryParse(request.ContractDate, out var contractDate))
        {
            return ApiDates.Invalid("contractDate");
        }

        if (!ApiDates.TryParse(request.TermStart, out var termStart))
        {
            return ApiDates.Invalid("termStart");
        }

        if (!ApiDates.TryParse(request.TermEnd, out var termEnd))
        {
            return ApiDates.Invalid("termEnd");
        }

        var details = new PurchaseDetails(
            request.ProductName ?? string.Empty, request.Vendor, quantity, request.ContractNumber ?? string.Empty,
            contractDate ?? default, termStart ?? default, termEnd ?? default, request.LicenceKey, request.Note);
        var outcome = await purchases.RecordAsync(caller, new RecordPurchase(planId, unitId, details), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/plans/{planId}/units/{unitId}/purchases", PurchaseDto.From(outcome.Value))
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ListAsync(int planId, int unitId, HttpContext context, PurchaseService purchases, CancellationToken cancellationToken)
    {
        var outcome = await purchases.ListAsync(ApiCaller.Of(context), planId, unitId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value.Select(PurchaseDto.From)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> CancelAsync(long id, CancelPurchaseRequest request, HttpContext context, PurchaseService purchases, CancellationToken cancellationToken)
    {
        var outcome = await purchases.CancelAsync(ApiCaller.Of(context), id, request.Reason, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(PurchaseDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
