using LicenseAllocation.Application.Requests;
using LicenseAllocation.Domain.Requests;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

internal static class RequestEndpoints
{
    public static RouteGroupBuilder MapRequestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/plans/{planId:int}/requests", SubmitAsync).WithName("SubmitRequest")
            .WithSummary("A unit's officer asks for more licences for a unit in scope. 201; 400 invalid-quantity | justification-required; 403 forbidden | out-of-scope; 404; 409 plan-locked | unit-inactive.");
        api.MapGet("/plans/{planId:int}/requests", ListAsync).WithName("ListRequests")
            .WithSummary("The plan's requests the caller may see, newest first, 50 a page: status, unitId, mine, toDecide, page.");
        api.MapGet("/requests/{id:long}", GetAsync).WithName("GetRequest")
            .WithSummary("One request, if its unit is in the caller's scope. 403 out-of-scope; 404.");
        api.MapPost("/requests/{id:long}/decision", DecideAsync).WithName("DecideRequest")
            .WithSummary("The unit's decider approves all, part or none; the approved number is posted in the same transaction. 400 comment-required | exceeds-requested | invalid-source; 403 forbidden | out-of-scope; 409 already-decided | exceeds-parent | source-has-no-room | plan-locked.");
        api.MapPost("/requests/{id:long}/withdraw", WithdrawAsync).WithName("WithdrawRequest")
            .WithSummary("The requester takes the request back before a decision. 403; 409 already-decided.");
        return api;
    }

    private static async Task<IResult> SubmitAsync(int planId, SubmitRequestBody body, HttpContext context, RequestService requests, CancellationToken cancellationToken)
    {
        var outcome = await requests.SubmitAsync(ApiCaller.Of(context), new SubmitRequest(planId, body.UnitId, body.Quantity, body.Justification), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/requests/{outcome.Value.Id}", RequestDto.From(outcome.Value))
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ListAsync(
        int planId, string? status, int? unitId, bool? mine, bool? toDecide, int? page, HttpContext context, RequestService requests, CancellationToken cancellationToken)
    {
        RequestStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<RequestStatus>(status.Trim(), ignoreCase: true, out var value) || !Enum.IsDefined(value) || int.TryParse(status, out _))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-status", ApiText.UnknownRequestStatus);
            }

            parsed = value;
        }

        var outcome = await requests.ListAsync(
            ApiCaller.Of(context), planId, new RequestFilter(parsed, unitId, mine ?? false, toDecide ?? false), page ?? 1, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(RequestPageDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, RequestService requests, CancellationToken cancellationToken)
    {
        var outcome = await requests.GetAsync(ApiCaller.Of(context), id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(RequestDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DecideAsync(long id, DecisionBody body, HttpContext context, RequestService requests, CancellationToken cancellationToken)
    {
        var outcome = await requests.DecideAsync(ApiCaller.Of(context), new DecideRequest(id, body.ApprovedQuantity, body.Comment, body.SourceUnitId), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(RequestDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> WithdrawAsync(long id, HttpContext context, RequestService requests, CancellationToken cancellationToken)
    {
        var outcome = await requests.WithdrawAsync(ApiCaller.Of(context), id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(RequestDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
