using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Api;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using AuditingText = LicenseAllocation.Web.Resources.Auditing;

namespace LicenseAllocation.Web.Components.Auditing;

public partial class AuditFilterBar
{
    private static readonly CompareInfo VietnameseCompare = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    [Inject]
    private IStringLocalizer<AuditingText> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public AuditFilter Filter { get; set; } = new();

    [Parameter, EditorRequired]
    public AuditFilterChoices Choices { get; set; } = new([], []);

    [Parameter, EditorRequired]
    public IReadOnlyList<PlanSummary> Plans { get; set; } = [];

    /// <summary>What in the address was not understood (a link typed by hand, an old bookmark).</summary>
    [Parameter]
    public IReadOnlyList<AuditQueryProblem> Problems { get; set; } = [];

    [Parameter]
    public EventCallback<AuditFilter> FilterChanged { get; set; }

    private AuditUnitChoice? Unit => Filter.UnitId is { } id ? Choices.Units.FirstOrDefault(u => u.Id == id) : null;

    private string? PlanHelperText =>
        AccessPolicy.SeesAccountAudit(Caller) && Filter.PlanId is null ? Loc[nameof(AuditingText.IncludesAccountChanges)].Value : null;

    private Task ChangeAsync(AuditFilter filter) => filter == Filter ? Task.CompletedTask : FilterChanged.InvokeAsync(filter);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime? AsDate(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? AsDay(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;

    private Task<IEnumerable<AuditUnitChoice>> SearchUnitsAsync(string? text, CancellationToken cancellationToken)
    {
        IEnumerable<AuditUnitChoice> units = Choices.Units;
        var matches = string.IsNullOrWhiteSpace(text)
            ? units
            : units.Where(u => VietnameseCompare.IndexOf(UnitLabel(u), text.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
        return Task.FromResult(matches);
    }

    private static string UnitLabel(AuditUnitChoice? unit) =>
        unit is null ? string.Empty : unit.ParentName is null ? unit.Name : $"{unit.Name} — {unit.ParentName}";
}
