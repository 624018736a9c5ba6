using LicenseAllocation.Application.Access;
using LicenseAllocation.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace LicenseAllocation.Web.Components.Controls;

/// <summary>
/// A page or part that acts for the signed-in caller. The caller is read from the cascading authentication state
/// each time parameters are set, so a revalidated circuit (account disabled, role changed) is followed.
/// </summary>
public abstract class PortalComponent : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Null until resolved, and for an account without a portal role.</summary>
    protected Caller? Caller { get; private set; }

    /// <summary>Resolves <see cref="Caller"/>; pages call it first in <c>OnParametersSetAsync</c>.</summary>
    protected async Task<Caller?> ResolveCallerAsync()
    {
        Caller = AuthenticationState is null ? null : Callers.FromPrincipal((await AuthenticationState).User);
        return Caller;
    }
}
