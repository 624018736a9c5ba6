using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Plans;

public partial class PlanListPage : PortalComponent
{
    private IReadOnlyList<PlanSummary>? _plans;

    [Inject]
    private PlanQueries Plans { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Home> Loc { get; set; } = default!;

    // An account without a role sees no plan rather than an error: the list is where everyone lands after signing in.
    protected override async Task OnParametersSetAsync()
    {
        var caller = await ResolveCallerAsync();
        var outcome = caller is null ? null : await Plans.ListAsync(caller);
        _plans = outcome is { Succeeded: true } ? outcome.Value : [];
    }
}
