using LicenseAllocation.Domain.Deployments;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Deployments;

public sealed class UseBandTests
{
    [Theory]
    [InlineData(899, 1000, UseBand.Ok)]
    [InlineData(900, 1000, UseBand.Info)]
    [InlineData(1000, 1000, UseBand.Info)]
    [InlineData(1001, 1000, UseBand.Warning)]
    [InlineData(1100, 1000, UseBand.Warning)]
    [InlineData(1101, 1000, UseBand.Critical)]
    [InlineData(90, 100, UseBand.Info)]
    [InlineData(100, 100, UseBand.Info)]
    [InlineData(110, 100, UseBand.Warning)]
    [InlineData(0, 0, UseBand.Ok)]
    [InlineData(1, 0, UseBand.Critical)]
    [InlineData(0, 300, UseBand.Ok)]
    public void The_band_turns_exactly_at_90_100_and_110_percent(int installed, int licensed, UseBand band) =>
        UseBands.Of(installed, licensed).ShouldBe(band);

    [Fact]
    public void A_use_just_above_a_boundary_is_not_rounded_back_into_the_band_below()
    {
        // 2/3 of a device above 110 %: the percentage rounds to 110.00, the band does not.
        UseBands.Of(3331, 3028).ShouldBe(UseBand.Critical);
        UseBands.Percent(3331, 3028).ShouldBe(110.01m);
        UseBands.Percent(1, 0).ShouldBeNull();
    }
}
