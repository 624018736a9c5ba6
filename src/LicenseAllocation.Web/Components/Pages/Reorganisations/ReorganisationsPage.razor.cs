using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
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

    protected override async Task OnParametersSetAsync()
    {
        (_items, _problem) = await ReadForCallerAsync(caller => Queries.ListAsync(caller));
    }
}
