using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Controls;

/// <summary>
/// A page or part that acts for the signed-in caller. The caller is read from the cascading authentication state
/// each time parameters are set, so a revalidated circuit (account disabled, role changed) is followed.
/// </summary>
public abstract class PortalComponent : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IStringLocalizer<Common> CommonText { get; set; } = default!;

    /// <summary>Null until resolved, and for an account without a portal role.</summary>
    protected Caller? Caller { get; private set; }

    /// <summary>Resolves <see cref="Caller"/>; pages call it first in <c>OnParametersSetAsync</c>.</summary>
    protected async Task<Caller?> ResolveCallerAsync()
    {
        Caller = AuthenticationState is null ? null : Callers.FromPrincipal((await AuthenticationState).User);
        return Caller;
    }

    /// <summary>
    /// Resolves the caller and reads what the page shows for them: the value, or the sentence that says why not (an
    /// account without a portal role, or the service's refusal).
    /// </summary>
    protected async Task<(T? Value, string? Problem)> ReadForCallerAsync<T>(Func<Caller, Task<Outcome<T>>> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (await ResolveCallerAsync() is not { } caller)
        {
            return (null, CommonText[nameof(Common.NoRole)]);
        }

        var outcome = await read(caller);
        return outcome.Succeeded ? (outcome.Value, null) : (null, Ui.Refusal(outcome.Error));
    }
}
