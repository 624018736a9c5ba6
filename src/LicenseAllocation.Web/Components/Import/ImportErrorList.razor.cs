using System.Globalization;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Import;

public partial class ImportErrorList
{
    [Inject]
    private IStringLocalizer<Resources.Import> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ImportIssue> Errors { get; set; } = [];

    // Import messages are worded once, in the application, for the page, the API and the command line alike.
    private static string Describe(ImportIssue error) => ImportMessages.Describe(error, CultureInfo.CurrentUICulture);
}
