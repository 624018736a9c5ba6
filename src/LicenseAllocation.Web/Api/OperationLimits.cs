using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// One export at a time per user: a workbook endpoint takes the user's export lease before its handler runs and gives it
/// back once the response has been sent (a streamed file included), or answers 429 <c>export-in-progress</c>.
/// Imports take theirs in <c>ImportService</c>, so the page and the API share it.
/// </summary>
internal static class OperationLimits
{
    public static RouteHandlerBuilder OneExportAtATime(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var lease = context.RequestServices.GetRequiredService<UserOperations>().TryStart(ApiCaller.Of(context).UserName, UserOperation.Export);
            if (lease is null)
            {
                return ApiProblems.Refusal(AllocationError.ExportInProgress());
            }

            context.Response.RegisterForDispose(lease);
            return await next(invocation);
        })
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
