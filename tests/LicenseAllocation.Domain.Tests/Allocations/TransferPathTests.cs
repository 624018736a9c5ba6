using LicenseAllocation.Domain.Allocations;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Allocations;

public sealed class TransferPathTests
{
    // 1 province: 2 agency, 3 group → 4 district (5, 6 communes), 7 district (8 commune).
    private static readonly Dictionary<int, int?> Parents = new() { [1] = null, [2] = 1, [3] = 1, [4] = 3, [5] = 4, [6] = 4, [7] = 3, [8] = 7 };

    private static TransferPath? Between(int from, int to) => TransferPath.Between(from, to, id => Parents[id]);

    [Fact]
    public void Between_siblings_only_the_two_units_change()
    {
        var path = Between(5, 6)!;

        path.Decreases.ShouldBe([5]);
        path.Increases.ShouldBe([6]);
        path.CommonAncestor.ShouldBe(4);
    }

    [Fact]
    public void Across_districts_the_path_goes_up_to_the_common_ancestor_and_down_again()
    {
        var path = Between(5, 8)!;

        path.Decreases.ShouldBe([5, 4]);
        path.Increases.ShouldBe([7, 8]);
        path.CommonAncestor.ShouldBe(3);
        Between(2, 8)!.Increases.ShouldBe([3, 7, 8]);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 4)]
    [InlineData(3, 8)]
    public void There_is_no_move_to_itself_or_along_one_branch(int from, int to) => Between(from, to).ShouldBeNull();
}
