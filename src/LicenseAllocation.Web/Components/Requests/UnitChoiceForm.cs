using System.Globalization;
using LicenseAllocation.Web.Components.Controls;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// What the forms that act on one unit of the plan share (asking for licences, giving them back, moving them): the
/// units read once per plan and again after a change, the chosen unit kept while it is still listed, and numbers read
/// leniently — a quantity that does not parse is sent as 0, so the official reads the service's own refusal.
/// </summary>
public abstract class UnitChoiceForm<TUnit> : PlanPart
    where TUnit : class
{

    protected ServiceCall Call { get; } = new();

    /// <summary>Null until read.</summary>
    protected IReadOnlyList<TUnit>? Units { get; private set; }

    protected int ChosenId { get; set; }

    protected TUnit? Chosen => Units?.FirstOrDefault(u => IdOf(u) == ChosenId);

    protected abstract int IdOf(TUnit unit);

    protected abstract Task<IReadOnlyList<TUnit>> ReadUnitsAsync();

    /// <summary>After the units are read: a form with a second choice keeps it valid here.</summary>
    protected virtual void UnitsRead()
    {
    }

    protected override Task LoadForPlanAsync() => LoadUnitsAsync();

    /// <summary>Reads the units' figures again (after a change moved a quantity).</summary>
    public async Task LoadUnitsAsync()
    {
        Units = await ReadUnitsAsync();
        if (Chosen is null)
        {
            ChosenId = Units.Count > 0 ? IdOf(Units[0]) : 0;
        }

        UnitsRead();
        StateHasChanged();
    }

    protected static int Number(string? typed) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
}
