using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Domain.Plans;

/// <summary>A unit that hands licences on (the province, the district group, a district committee) with its figures.</summary>
public sealed record AllocatingUnit(int UnitId, string Name, UnitKind Kind, int Quantity, int HandedOn)
{
    public int Remaining => Quantity - HandedOn;
}

/// <summary>
/// What is still open below each level of a plan: the licences an allocating unit holds but has not handed on, and
/// how many district committees have not split a share among their agencies and communes (a committee without a
/// share has not either). <see cref="NotHandedOn"/> is what the plan's "remaining" does not show: the province may
/// have allocated all 5.137 while 3.960 still sit with the district group.
/// </summary>
public sealed record AllocationProgress(int NotHandedOn, IReadOnlyList<AllocatingUnit> OpenUnits, int Districts, int DistrictsOpen)
{
    public static readonly AllocationProgress Empty = new(0, [], 0, 0);

    /// <summary>True when every allocating unit has handed on all it holds and every district has split its share.</summary>
    public bool IsComplete => NotHandedOn == 0 && DistrictsOpen == 0;

    /// <summary>Kinds whose licences are meant to be handed on rather than used: those that may contain units.</summary>
    public static readonly IReadOnlyList<UnitKind> AllocatingKinds =
        [.. Enum.GetValues<UnitKind>().Where(kind => Enum.GetValues<UnitKind>().Any(child => UnitKindRules.CanContain(kind, child)))];

    public static bool Allocates(UnitKind kind) => AllocatingKinds.Contains(kind);

    /// <summary>The progress of the given units, in the order given (tree order keeps the messages in the letter's order).</summary>
    public static AllocationProgress Of(IEnumerable<AllocatingUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var allocating = units.Where(u => Allocates(u.Kind)).ToList();
        var open = allocating.Where(u => u.Remaining > 0).ToList();
        var districts = allocating.Where(u => u.Kind == UnitKind.DistrictCommittee).ToList();
        var districtsOpen = districts.Count(d => d.Quantity == 0 || d.Remaining > 0);
        return new AllocationProgress(open.Sum(u => u.Remaining), open, districts.Count, districtsOpen);
    }
}
