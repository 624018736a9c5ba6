using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class NotPlacedList
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<NotPlacedUnit> Units { get; set; } = [];

    private List<NotPlacedUnit> Rows => [.. Units.Where(u => u.Quantity > 0)];
}
