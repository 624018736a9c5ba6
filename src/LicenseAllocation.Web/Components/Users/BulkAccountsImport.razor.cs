using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Localization;
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
    private bool _busy;
    private string? _problem;
    private string? _fileName;
    private byte[]? _file;
    private BulkAccountsReport? _report;
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

    private async Task ChosenAsync(IBrowserFile? file)
    {
        _problem = null;
        _report = null;
        _passwordLink = null;
        if (file is null)
        {
            return;
        }

        var limit = Limits.Value.MaxFileBytes;
        if (file.Size > limit)
        {
            _problem = Loc[nameof(Resources.Users.BulkFileTooLarge), limit];
            return;
        }

        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(limit))
            {
                await stream.CopyToAsync(buffer);
            }

            _fileName = file.Name;
            _file = buffer.ToArray();
            Show(await Accounts.ImportAsync(Caller, _file, dryRun: true));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CreateAsync()
    {
        if (_file is null)
        {
            return;
        }

        _busy = true;
        try
        {
            Show(await Accounts.ImportAsync(Caller, _file, dryRun: false));
            if (_report is { Created: true, PasswordFile: { } passwords })
            {
                _file = null;
                _passwordLink = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," + Convert.ToBase64String(passwords);
                await OnCreated.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(Application.Common.Outcome<BulkAccountsReport> outcome)
    {
        if (outcome.Succeeded)
        {
            _report = outcome.Value;
        }
        else
        {
            _problem = Ui.Refusal(outcome.Error);
        }
    }

    private static CultureInfo CurrentCulture => CultureInfo.CurrentUICulture;
}
