using LicenseAllocation.Application.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Import;

public partial class ImportResultNote
{
    [Inject]
    private IStringLocalizer<Resources.Import> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public ImportReport Report { get; set; } = default!;
}
