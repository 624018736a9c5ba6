using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Districts;

public partial class DistrictFigures
{
    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public UnitNodeView District { get; set; } = default!;

    private IReadOnlyList<Figure> Figures =>
    [
        new(Loc[nameof(Resources.Districts.QuotaFromProvince)], District.Quantity, "district-quota"),
        new(Text[nameof(Common.HandedOn)], District.HandedOn, "district-handed-on"),
        new(Text[nameof(Common.Remaining)], District.Remaining, "district-remaining"),
    ];
}
