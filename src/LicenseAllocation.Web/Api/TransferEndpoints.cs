using LicenseAllocation.Application.Transfers;

namespace LicenseAllocation.Web.Api;

internal static class TransferEndpoints
{
    public static RouteGroupBuilder MapTransferEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/plans/{planId:int}/transfers", MoveAsync).WithName("MoveLicences")
            .WithSummary("Moves licences from one unit to another in one change (the path through their common ancestor changes with them). 400 invalid-quantity | reason-required | invalid-source; 403; 404; 409 source-has-no-room | plan-locked.");
        api.MapPost("/plans/{planId:int}/units/{unitId:int}/return", ReturnAsync).WithName("ReturnLicences")
            .WithSummary("A unit gives licences it does not need back to its parent. 400 invalid-quantity | reason-required; 403; 404; 409 below-handed-on | plan-locked.");
        return api;
    }

    private static async Task<IResult> MoveAsync(int planId, TransferBody body, HttpContext context, TransferService transfers, CancellationToken cancellationToken)
    {
        var outcome = await transfers.MoveAsync(ApiCaller.Of(context), new MoveLicences(planId, body.FromUnitId, body.ToUnitId, body.Quantity, body.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(TransferDto.Of(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ReturnAsync(int planId, int unitId, ReturnBody body, HttpContext context, TransferService transfers, CancellationToken cancellationToken)
    {
        var outcome = await transfers.ReturnAsync(ApiCaller.Of(context), new ReturnLicences(planId, unitId, body.Quantity, body.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(UnitDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
