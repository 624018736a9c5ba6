using LicenseAllocation.Application.Import;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Import;

public partial class ImportTotalsPanel
{
    [Inject]
    private IStringLocalizer<Resources.Import> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public ImportReport Report { get; set; } = default!;
}
