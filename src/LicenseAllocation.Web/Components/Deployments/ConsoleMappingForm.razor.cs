using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Deployments;

/// <summary>
/// Saves a new mapping with <see cref="DeploymentMappings.SaveAsync"/>, which checks it and the role. A name already
/// taken is refused here: saving under it would replace that mapping, which is not what adding one means.
/// </summary>
public partial class ConsoleMappingForm
{
    private readonly List<Field> _fields =
    [
        new(nameof(ConsoleReports.FieldDeviceId), true),
        new(nameof(ConsoleReports.FieldDeviceName), true),
        new(nameof(ConsoleReports.FieldGroup), true),
        new(nameof(ConsoleReports.FieldProduct), true),
        new(nameof(ConsoleReports.FieldVersion), false),
        new(nameof(ConsoleReports.FieldLastSeen), false),
        new(nameof(ConsoleReports.FieldActive), false),
    ];

    private string? _name;
    private string _delimiter = string.Empty;
    private string _encoding = string.Empty;
    private string? _problem;
    private bool _busy;

    [Inject]
    private DeploymentMappings Mappings { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>The names of the mappings there are.</summary>
    [Parameter]
    public IReadOnlyList<string> Taken { get; set; } = [];

    [Parameter]
    public EventCallback<ConsoleMapping> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private string? Header(string key) => _fields.Single(f => f.Key == key).Header;

    private async Task SaveAsync()
    {
        var name = (_name ?? string.Empty).Trim();
        if (Taken.Any(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)))
        {
            _problem = DeploymentMessages.Describe(new DeploymentIssue(DeploymentErrorCode.MappingNameTaken) { Found = name }, CultureInfo.CurrentUICulture);
            return;
        }

        var columns = new ConsoleColumns(Header(nameof(ConsoleReports.FieldDeviceId)) ?? "", Header(nameof(ConsoleReports.FieldDeviceName)) ?? "",
            Header(nameof(ConsoleReports.FieldGroup)) ?? "", Header(nameof(ConsoleReports.FieldProduct)) ?? "",
            Header(nameof(ConsoleReports.FieldVersion)), Header(nameof(ConsoleReports.FieldLastSeen)), Header(nameof(ConsoleReports.FieldActive)));
        _busy = true;
        try
        {
            var result = await Mappings.SaveAsync(Caller, name, columns, _delimiter, _encoding);
            _problem = DeploymentText.Problem(result);
            if (result.Succeeded)
            {
                await OnSaved.InvokeAsync(result.Value!);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class Field(string key, bool required)
    {
        public string Key { get; } = key;

        public bool Required { get; } = required;

        public string? Header { get; set; }
    }
}
