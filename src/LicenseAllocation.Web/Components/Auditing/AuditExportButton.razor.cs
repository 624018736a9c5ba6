using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Auditing;

public partial class AuditExportButton
{
    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public AuditFilter Filter { get; set; } = new();
}
