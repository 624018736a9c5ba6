using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// The text of <see cref="NodeUpdates"/>' two conditional updates for SQLite and PostgreSQL, named from the model and made
/// once per model. Both databases quote names alike and take <c>NOT</c> of the flag column (a boolean on PostgreSQL, 0 or
/// 1 on SQLite). Values are bound as parameters: <c>{0}</c> … in the order the methods below give.
/// </summary>
internal sealed class NodeUpdateSql
{
    private static readonly PerModel<NodeUpdateSql> ByModel = new(model => new NodeUpdateSql(model));

    private readonly string[] _setQuantity = new string[4];

    private NodeUpdateSql(IModel model)
    {
        var node = model.FindEntityType(typeof(AllocationNode))!;
        var table = Quote(node.GetTableName()!);
        string Column(string property) => Quote(node.FindProperty(property)!.GetColumnName());
        var (id, quantity, version, handedOn, frozen) = (Column(nameof(AllocationNode.Id)), Column(nameof(AllocationNode.Quantity)),
            Column(nameof(AllocationNode.Version)), Column(nameof(AllocationNode.HandedOn)), Column(nameof(AllocationNode.LevelFrozen)));

        // {0} new quantity, {1} node id, {2} quantity as read, {3} version as read, {4} handed-on as read.
        var setQuantity = $"UPDATE {table} SET {quantity} = {{0}}, {version} = {version} + 1 "
            + $"WHERE {id} = {{1}} AND {quantity} = {{2}} AND {version} = {{3}} AND {handedOn} <= {{0}}";
        foreach (var isRoot in new[] { false, true })
        {
            foreach (var wholeRowAsRead in new[] { false, true })
            {
                _setQuantity[Index(isRoot, wholeRowAsRead)] = setQuantity
                    + (isRoot ? $" AND NOT {frozen}" : string.Empty)
                    + (wholeRowAsRead ? $" AND {handedOn} = {{4}}" : string.Empty);
            }
        }

        // {0} delta, {1} parent's node id.
        MoveHandedOn = $"UPDATE {table} SET {handedOn} = {handedOn} + {{0}} "
            + $"WHERE {id} = {{1}} AND {handedOn} + {{0}} <= {quantity} AND {handedOn} + {{0}} >= 0 AND NOT {frozen}";
    }

    public string MoveHandedOn { get; }

    public static NodeUpdateSql Of(DbContext db) => ByModel.For(db);

    public string SetQuantity(bool isRoot, bool wholeRowAsRead) => _setQuantity[Index(isRoot, wholeRowAsRead)];

    private static int Index(bool isRoot, bool wholeRowAsRead) => (isRoot ? 2 : 0) + (wholeRowAsRead ? 1 : 0);

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
