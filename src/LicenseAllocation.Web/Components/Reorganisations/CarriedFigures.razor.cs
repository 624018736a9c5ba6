using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class CarriedFigures
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<CarriedUnit> Carried { get; set; } = [];

    private List<CarriedUnit> Rows => [.. Carried];

    /// <summary>"Xã A 120 + Xã B 35", or "không có" for a unit that starts at 0.</summary>
    private string Sources(CarriedUnit unit) => unit.From.Count == 0
        ? Loc[nameof(ReorganisationTexts.NothingCarried)]
        : string.Join(" + ", unit.From.Select(f => $"{f.Name} {Ui.N(f.Quantity)}"));
}
