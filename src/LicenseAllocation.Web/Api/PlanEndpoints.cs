using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Plans;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

internal static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans", ListPlansAsync).WithName("ListPlans");
        api.MapGet("/plans/{planId:int}/units", ListUnitsAsync).WithName("ListUnits")
            .WithSummary("The units of a plan the caller may see, in tree order, with quantity, handed on and remaining.");
        api.MapPut("/plans/{planId:int}/units/{unitId:int}/quantity", ChangeQuantityAsync).WithName("ChangeQuantity")
            .WithSummary("Sets a unit's quantity, optionally under an official letter (documentRef). 400 invalid-quantity | reason-required | document-ref-too-long; 404; 409 exceeds-parent | below-handed-on | version-conflict | plan-locked.");
        return api;
    }

    private static async Task<IResult> ListPlansAsync(HttpContext context, PlanQueries plans, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await plans.ListAsync(caller, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value.Select(PlanDto.From)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ListUnitsAsync(int planId, HttpContext context, AllocationQueries queries, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await queries.GetTreeAsync(caller, planId, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(outcome.Value.Select(row => UnitDto.From(row.Node)))
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ChangeQuantityAsync(
        int planId, int unitId, QuantityChangeRequest request, HttpContext context, QuantityService quantities, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        if (!request.TryGetQuantity(out var quantity))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-quantity", ApiText.QuantityNotANumber);
        }

        var outcome = await quantities.ChangeAsync(caller, new ChangeQuantity(planId, unitId, quantity, request.Reason, request.Version, request.DocumentRef), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(UnitDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
