using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Import;

public partial class ImportFileForm
{
    [Inject]
    private IStringLocalizer<Resources.Import> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    /// <summary>The unit whose template is expected; offers its template for download.</summary>
    [Parameter]
    public int? UnitId { get; set; }

    [Parameter]
    public string? FileName { get; set; }

    /// <summary>While a file is read or applied no other can be chosen.</summary>
    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<IBrowserFile?> OnFileChosen { get; set; }
}
