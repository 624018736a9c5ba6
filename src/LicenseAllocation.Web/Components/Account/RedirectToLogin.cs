using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Account;

/// <summary>Sends a visitor who is not signed in to the sign-in page, with the page they asked for to come back to.</summary>
public sealed class RedirectToLogin : ComponentBase
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() =>
        Navigation.NavigateTo($"/account/login?returnUrl={Uri.EscapeDataString(Navigation.ToBaseRelativePath(Navigation.Uri))}", forceLoad: true);
}
