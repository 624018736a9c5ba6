using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Plans;

public sealed class AllocationProgressTests
{
    private static readonly AllocatingUnit Province = new(1, "Tỉnh Đồng Tháp", UnitKind.Province, 5137, 5137);

    [Fact]
    public void The_2020_letter_leaves_3960_with_the_district_group_and_every_district_open()
    {
        var districts = Enumerable.Range(10, 12).Select(id => new AllocatingUnit(id, $"Huyện {id}", UnitKind.DistrictCommittee, 0, 0));
        var progress = AllocationProgress.Of([Province, new(2, "UBND 12 huyện, thành phố", UnitKind.DistrictGroup, 3960, 0), .. districts]);

        progress.NotHandedOn.ShouldBe(3960);
        progress.OpenUnits.Select(u => u.UnitId).ShouldBe([2]);
        (progress.Districts, progress.DistrictsOpen).ShouldBe((12, 12));
        progress.IsComplete.ShouldBeFalse();
    }

    [Fact]
    public void A_district_that_split_its_whole_share_is_no_longer_open()
    {
        var progress = AllocationProgress.Of(
        [
            Province,
            new(2, "UBND 12 huyện, thành phố", UnitKind.DistrictGroup, 500, 500),
            new(10, "Thành phố Cao Lãnh", UnitKind.DistrictCommittee, 300, 300),
            new(11, "Huyện Tháp Mười", UnitKind.DistrictCommittee, 200, 150),
        ]);

        progress.NotHandedOn.ShouldBe(50);
        progress.OpenUnits.Single().Name.ShouldBe("Huyện Tháp Mười");
        (progress.Districts, progress.DistrictsOpen).ShouldBe((2, 1));
    }

    [Fact]
    public void Licences_a_province_has_not_allocated_count_as_open_at_the_province()
    {
        var progress = AllocationProgress.Of([Province with { HandedOn = 5087 }]);

        progress.NotHandedOn.ShouldBe(50);
        progress.OpenUnits.Single().UnitId.ShouldBe(Province.UnitId);
    }

    [Fact]
    public void Agencies_and_communes_keep_what_they_receive_and_are_never_open()
    {
        var progress = AllocationProgress.Of(
        [
            Province,
            new(3, "Sở Tài chính", UnitKind.ProvincialAgency, 65, 0),
            new(4, "Xã Mỹ Tân", UnitKind.CommuneCommittee, 10, 0),
            new(5, "Phòng Nội vụ", UnitKind.DistrictAgency, 4, 0),
        ]);

        progress.IsComplete.ShouldBeTrue();
        progress.OpenUnits.ShouldBeEmpty();
    }
}
