using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Routing;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Protocol.Schema;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Routing;

/// <summary>
/// Invokes at the router: a card action the bot cannot read is the client's mistake (400 in the Universal Actions
/// shape, not 501), and an invoke route is refused below its role as text commands and card verbs are.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class InvokeEdgeTests(AzuriteProcess azurite) : IDisposable
{
    private readonly SupervisorInvokeModule _module = new();
    private CxBotAppFactory? _factory;

    public void Dispose() => _factory?.Dispose();

    private CxBotAppFactory Factory => _factory ??= new CxBotAppFactory(azurite)
    {
        ConfigureServices = services => services.AddSingleton<IRouteModule>(_module),
    };

    [Theory]
    [InlineData("""{"action":{"type":"Action.Execute","data":{"x":"1"}}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"   "}}""")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"help"}}""")]
    [InlineData("""{"action":{"verb":"help"}}""")]
    [InlineData("""{"action":"help"}""")]
    [InlineData("""[1,2]""")]
    public async Task CardAction_WithoutAVerbOrNotActionExecute_Is400InTheUniversalActionsShape(string value)
    {
        var activity = TestPeople.NewCustomer().Personal("invoke");
        activity["name"] = CardActionData.InvokeName;
        activity["value"] = JsonNode.Parse(value);

        var response = await Factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal(InvokeResponse.ErrorType, body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
        Assert.Empty(Factory.Connector.Calls);
    }

    [Fact]
    public async Task CardAction_ExecuteWithAVerb_IsStillHandled()
    {
        var user = TestPeople.NewCustomer();

        var response = await Factory.PostActivityAsync(user.Execute("help", []));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvokeRoute_BelowItsRole_IsRefusedWith403AndNotRun()
    {
        var activity = TestPeople.NewCustomer().Personal("invoke");
        activity["name"] = SupervisorInvokeModule.Name;

        var response = await Factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(403, body["statusCode"]!.GetValue<int>());
        Assert.Equal("Forbidden", body["value"]!["code"]!.GetValue<string>());
        Assert.Equal(0, _module.Runs);
    }

    [Fact]
    public async Task InvokeRoute_AtItsRole_Runs()
    {
        var activity = TestPeople.Supervisor().Personal("invoke");
        activity["name"] = SupervisorInvokeModule.Name;

        var response = await Factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _module.Runs);
    }

    [Fact]
    public void RouteTable_CardActionInvokeName_IsRefusedAsAnInvokeRoute()
    {
        var builder = new RouteTableBuilder();

        Assert.Throws<InvalidOperationException>(() =>
            builder.Invoke(new InvokeRoute(CardActionData.InvokeName, UserRole.Customer, (_, _) => Task.CompletedTask)));
    }

    private sealed class SupervisorInvokeModule : IRouteModule
    {
        public const string Name = "test/supervisorsOnly";
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public void Register(RouteTableBuilder routes) =>
            routes.Invoke(new InvokeRoute(Name, UserRole.Supervisor, (turn, _) =>
            {
                Interlocked.Increment(ref _runs);
                return Task.CompletedTask;
            }));
    }
}
