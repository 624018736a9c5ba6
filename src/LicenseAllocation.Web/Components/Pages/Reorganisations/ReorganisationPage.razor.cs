using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Reorganisations;

/// <summary>One reorganisation: its record and its new units with what each takes over.</summary>
public partial class ReorganisationPage : PortalComponent
{
    private ReorganisationDetails? _details;
    private string? _problem;

    [Parameter]
    public int ReorganisationId { get; set; }

    [Inject]
    private ReorganisationQueries Queries { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    private bool CanCreateSuccessor => Caller is { } caller && AccessPolicy.CanManagePlans(caller);

    protected override async Task OnParametersSetAsync()
    {
        (_details, _problem) = await ReadForCallerAsync(caller => Queries.GetAsync(caller, ReorganisationId));
    }
}
