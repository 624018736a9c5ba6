using LicenseAllocation.Application.Access;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Auth;
using Microsoft.AspNetCore.Authorization;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// Turns the signed-in principal into the <see cref="Caller"/> once per API request: a principal without a portal role
/// is refused with 403 before any handler runs, so handlers always have a caller to hand to the services.
/// </summary>
internal static class ApiCaller
{
    private const string ItemKey = "LicenseAllocation.Caller";

    public static RouteGroupBuilder RequireCaller(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            if (context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return await next(invocation);
            }

            if (Callers.FromPrincipal(context.User) is not { } caller)
            {
                return ApiProblems.Refusal(AllocationError.Forbidden());
            }

            context.Items[ItemKey] = caller;
            return await next(invocation);
        });

    /// <summary>The caller of the current request, set by <see cref="RequireCaller"/>.</summary>
    public static Caller Of(HttpContext context) =>
        context.Items[ItemKey] as Caller ?? throw new InvalidOperationException("The API group must require a caller.");
}
