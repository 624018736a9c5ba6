using System.Globalization;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class StructureOnDayView
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public StructureView Structure { get; set; } = default!;

    [Parameter, EditorRequired]
    public DateOnly Day { get; set; }

    [Parameter]
    public EventCallback<DateOnly> OnDayChanged { get; set; }

    private List<UnitOnDay> Rows => [.. Structure.Units];

    private static string Indent(UnitOnDay unit) => string.Create(CultureInfo.InvariantCulture, $"padding-left: {unit.Depth * 24}px");

    private Task ChangeDayAsync(DateTime? date) =>
        date is { } value ? OnDayChanged.InvokeAsync(DateOnly.FromDateTime(value)) : Task.CompletedTask;
}
