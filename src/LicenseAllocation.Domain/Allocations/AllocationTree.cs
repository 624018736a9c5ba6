namespace LicenseAllocation.Domain.Allocations;

/// <summary>
/// A whole plan's figures held in memory: applies changes with the same rules as the database path and can list
/// every broken invariant. Used to explain a batch of changes row by row before it is written, and as the model
/// that property tests compare against.
/// </summary>
public sealed class AllocationTree
{
    private readonly Dictionary<int, int?> _parents = [];
    private readonly Dictionary<int, NodeFigures> _figures = [];

    public AllocationTree(IEnumerable<TreeNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            _parents.Add(node.UnitId, node.ParentUnitId);
            _figures.Add(node.UnitId, new NodeFigures(node.Quantity, node.HandedOn));
        }
    }

    public IEnumerable<int> UnitIds => _figures.Keys;

    public NodeFigures this[int unitId] => _figures[unitId];

    public int? ParentOf(int unitId) => _parents[unitId];

    /// <summary>Applies the change when the rules allow it; otherwise returns why and changes nothing.</summary>
    public AllocationError? ChangeQuantity(int unitId, int newQuantity)
    {
        if (!_figures.TryGetValue(unitId, out var node))
        {
            return AllocationError.NotFound();
        }

        var parentId = _parents[unitId];
        NodeFigures? parent = parentId is { } pid ? _figures[pid] : null;
        if (AllocationRules.CheckQuantityChange(node, parent, newQuantity) is { } error)
        {
            return error;
        }

        if (parentId is { } id)
        {
            var p = _figures[id];
            _figures[id] = p with { HandedOn = p.HandedOn + newQuantity - node.Quantity };
        }

        _figures[unitId] = node with { Quantity = newQuantity };
        return null;
    }

    /// <summary>Every place where the stored figures break a rule; empty when the tree is sound.</summary>
    public IReadOnlyList<string> FindViolations()
    {
        var sums = _figures.Keys.ToDictionary(id => id, _ => 0);
        foreach (var (id, parent) in _parents)
        {
            if (parent is { } p)
            {
                sums[p] += _figures[id].Quantity;
            }
        }

        var violations = new List<string>();
        foreach (var (id, figures) in _figures)
        {
            if (figures.Quantity < 0)
            {
                violations.Add($"Unit {id} holds a negative quantity {figures.Quantity}.");
            }

            if (figures.HandedOn != sums[id])
            {
                violations.Add($"Unit {id} records {figures.HandedOn} handed on but its children hold {sums[id]}.");
            }

            if (sums[id] > figures.Quantity)
            {
                violations.Add($"The children of unit {id} hold {sums[id]}, more than its {figures.Quantity}.");
            }
        }

        return violations;
    }
}
