using CxBot.Domain.Customers;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Customers;

public sealed class CustomerPreferencesTests
{
    [Fact]
    public void WithOptOut_StopThenStart_ClearsTheOptOutAndKeepsWhenTheyStopped()
    {
        var stopped = CustomerPreferences.None(Customer.Key).WithOptOut(true, Now);
        var started = stopped.WithOptOut(false, Now.AddHours(1));

        Assert.Equal(new CustomerPreferences(Customer.Key, true, Now, Now), stopped);
        Assert.Equal(new CustomerPreferences(Customer.Key, false, Now, Now.AddHours(1)), started);
    }

    [Fact]
    public void WithOptOut_AnOlderCommandArrivingLate_ChangesNothing()
    {
        var started = CustomerPreferences.None(Customer.Key).WithOptOut(false, Now.AddHours(1));

        Assert.Same(started, started.WithOptOut(true, Now));
    }

    [Fact]
    public void WithOptOut_ACommandAtTheSameTime_ChangesNothing()
    {
        var stopped = CustomerPreferences.None(Customer.Key).WithOptOut(true, Now);

        Assert.Same(stopped, stopped.WithOptOut(false, Now));
    }
}
