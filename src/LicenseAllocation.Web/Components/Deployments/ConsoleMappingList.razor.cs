using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Deployments;

/// <summary>
/// The mappings from <see cref="DeploymentMappings.ListAsync"/>; the administrator (the role that saves mappings)
/// renames and deletes the saved ones through <see cref="DeploymentMappings"/>, which checks the role again.
/// </summary>
public partial class ConsoleMappingList
{
    private IReadOnlyList<ConsoleMapping>? _mappings;
    private string? _problem;
    private string? _done;
    private string? _renaming;
    private string? _deleting;
    private string? _newName;
    private bool _adding;
    private bool _busy;

    [Inject]
    private DeploymentMappings Mappings { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    private bool CanManage => AccessPolicy.CanManagePlans(Caller);

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private string Delimiter(ConsoleMapping mapping) => mapping.Delimiter switch
    {
        null => Loc[nameof(ConsoleReports.Detected)].Value,
        '\t' => Loc[nameof(ConsoleReports.DelimiterTab)].Value,
        { } c => c.ToString(),
    };

    private async Task LoadAsync()
    {
        var result = await Mappings.ListAsync(Caller);
        (_mappings, _problem) = (result.Value, DeploymentText.Problem(result));
    }

    private void StartRename(string name) => (_renaming, _newName, _deleting, _adding, _done, _problem) = (name, name, null, false, null, null);

    private void StartDelete(string name) => (_deleting, _renaming, _adding, _done, _problem) = (name, null, false, null, null);

    private void StartAdding() => (_adding, _renaming, _deleting, _done, _problem) = (true, null, null, null, null);

    private void StopEditing() => (_adding, _renaming, _deleting) = (false, null, null);

    private async Task RenameAsync(string name) =>
        await RunAsync(() => Mappings.RenameAsync(Caller, name, _newName ?? string.Empty), m => Ui.F(Loc[nameof(ConsoleReports.MappingRenamed)], m.Name));

    private async Task DeleteAsync(string name) =>
        await RunAsync(() => Mappings.DeleteAsync(Caller, name), _ => Ui.F(Loc[nameof(ConsoleReports.MappingDeleted)], name));

    private async Task SavedAsync(ConsoleMapping saved)
    {
        StopEditing();
        await LoadAsync();
        _done = Ui.F(Loc[nameof(ConsoleReports.MappingSaved)], saved.Name);
    }

    /// <summary>One change: on success the list is read again and says what was done; on refusal the row stays open with why.</summary>
    private async Task RunAsync<T>(Func<Task<DeploymentResult<T>>> change, Func<T, string> done)
    {
        _busy = true;
        try
        {
            var result = await change();
            _problem = DeploymentText.Problem(result);
            if (result.Succeeded)
            {
                StopEditing();
                await LoadAsync();
                _done = done(result.Value!);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
