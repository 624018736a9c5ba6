using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Deployments;

/// <summary>The column mappings of console reports, for every plan: who may read or change them is the service's rule.</summary>
public partial class ConsoleMappingsPage
{
    private string? _problem;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    protected override async Task OnParametersSetAsync() =>
        _problem = await ResolveCallerAsync() is null ? Text[nameof(Common.NoRole)].Value : null;
}
