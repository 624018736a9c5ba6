using System.Globalization;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Reorganisations;

/// <summary>"Cơ cấu đơn vị theo ngày": which units existed on a date (<c>?on=yyyy-MM-dd</c>, today by default).</summary>
public partial class StructurePage : PortalComponent
{
    private StructureView? _structure;
    private string? _problem;

    /// <summary>The day, as yyyy-MM-dd; the address carries it so a link can be shared.</summary>
    [SupplyParameterFromQuery(Name = "on")]
    public string? On { get; set; }

    [Inject]
    private StructureOnDay Structure { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var day = DateOnly.TryParseExact(On, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);
        (_structure, _problem) = await ReadForCallerAsync(caller => Structure.GetAsync(caller, day));
    }

    private void ShowDay(DateOnly day) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("on", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
