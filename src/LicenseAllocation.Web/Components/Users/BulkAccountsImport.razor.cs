using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Components.Users;

/// <summary>
/// The workbook of accounts on the users page, over <see cref="BulkAccounts"/>: the chosen file is checked as a dry
/// run (every wrong row with its column and the reason, in the reader's language), then created all together. The
/// initial passwords workbook stays in this part only, as a link to download, and is gone when the page is left.
/// </summary>
public partial class BulkAccountsImport
{
    private CheckedUpload<BulkAccountsReport> _upload = default!;
    private string? _passwordLink;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>Raised once the accounts were created, so the list can show them.</summary>
    [Parameter]
    public EventCallback OnCreated { get; set; }

    [Inject]
    private BulkAccounts Accounts { get; set; } = default!;

    [Inject]
    private IOptions<ImportOptions> Limits { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    private static CultureInfo CurrentCulture => CultureInfo.CurrentUICulture;

    protected override void OnInitialized() =>
        _upload = new((file, dryRun) => Accounts.ImportAsync(Caller, file, dryRun));

    private async Task ChosenAsync(IBrowserFile? file)
    {
        _passwordLink = null;
        var limit = Limits.Value.MaxFileBytes;
        await _upload.ChooseAsync(file, limit, () => Loc[nameof(Resources.Users.BulkFileTooLarge), limit]);
    }

    private async Task CreateAsync()
    {
        if (await _upload.ApplyAsync(report => report is { Created: true, PasswordFile: not null }) is { PasswordFile: { } passwords })
        {
            _passwordLink = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," + Convert.ToBase64String(passwords);
            await OnCreated.InvokeAsync();
        }
    }
}
