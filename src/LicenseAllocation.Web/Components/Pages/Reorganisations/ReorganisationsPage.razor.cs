using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Reorganisations;

/// <summary>"Sắp xếp đơn vị hành chính": every recorded reorganisation, and for the administrator the import of another from a file.</summary>
public partial class ReorganisationsPage : PortalComponent
{
    private IReadOnlyList<ReorganisationSummary>? _items;
    private string? _problem;

    [Inject]
    private ReorganisationQueries Queries { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    /// <summary>Only the province administrator records a reorganisation from a file.</summary>
    private bool CanRecord => Caller is { } caller && AccessPolicy.CanManagePlans(caller);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        (_items, _problem) = await ReadForCallerAsync(caller => Queries.ListAsync(caller));
    }
}
