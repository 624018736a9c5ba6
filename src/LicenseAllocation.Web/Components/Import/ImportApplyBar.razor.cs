using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Import;

public partial class ImportApplyBar
{
    [Inject]
    private IStringLocalizer<Resources.Import> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter]
    public string? Reason { get; set; }

    [Parameter]
    public EventCallback<string?> ReasonChanged { get; set; }

    /// <summary>The document the change is based on ("Căn cứ văn bản"), optional.</summary>
    [Parameter]
    public string? DocumentRef { get; set; }

    [Parameter]
    public EventCallback<string?> DocumentRefChanged { get; set; }

    /// <summary>False while busy and for a file with errors or without changes; the service requires the reason itself.</summary>
    [Parameter]
    public bool CanApply { get; set; }

    [Parameter]
    public EventCallback OnApply { get; set; }
}
