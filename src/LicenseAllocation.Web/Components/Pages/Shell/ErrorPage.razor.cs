using System.Diagnostics;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Shell;

public partial class ErrorPage
{
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private IStringLocalizer<Resources.Shell> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    // The id the log carries for this request, so that the IT office can find what went wrong.
    private string? RequestId => Activity.Current?.Id ?? HttpContext?.TraceIdentifier;
}
