using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Reorganisations;

/// <summary>"Sắp xếp đơn vị hành chính": every recorded reorganisation.</summary>
public partial class ReorganisationsPage : PortalComponent
{
    private IReadOnlyList<ReorganisationSummary>? _items;
    private string? _problem;

    [Inject]
    private ReorganisationQueries Queries { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (await ResolveCallerAsync() is not { } caller)
        {
            _problem = Text[nameof(Common.NoRole)];
            return;
        }

        var outcome = await Queries.ListAsync(caller);
        (_items, _problem) = outcome.Succeeded ? (outcome.Value, (string?)null) : ((IReadOnlyList<ReorganisationSummary>?)null, Ui.Refusal(outcome.Error));
    }
}
