using System.Text.Json;
using System.Text.RegularExpressions;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.App.Surveys;
using CxBot.Protocol;
using CxBot.Storage.Setup;

namespace CxBot.Deployment.Tests;

public sealed partial class AzureDeployTemplateTests
{
    private const string StorageAccount = "Microsoft.Storage/storageAccounts";
    private const string Identity = "Microsoft.ManagedIdentity/userAssignedIdentities";
    private const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    private const string Plan = "Microsoft.Web/serverfarms";
    private const string WebApp = "Microsoft.Web/sites";
    private const string AppInsights = "Microsoft.Insights/components";
    private const string LogAnalytics = "Microsoft.OperationalInsights/workspaces";
    private const string Bot = "Microsoft.BotService/botServices";
    private const string BotChannel = "Microsoft.BotService/botServices/channels";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";

    private readonly ArmTemplate _template = ArmTemplate.Load("azuredeploy.json");

    // The app's configuration contract in environment-variable form. The app's names come from their
    // options classes so a rename there fails here.
    private static readonly string[] ExpectedAppSettings =
    [
        $"{BotOptions.SectionName}__{nameof(BotOptions.AppId)}",
        $"{BotOptions.SectionName}__{nameof(BotOptions.AppType)}",
        $"{BotOptions.SectionName}__{nameof(BotOptions.TenantId)}",
        $"{StorageOptions.SectionName}__{nameof(StorageOptions.TableEndpoint)}",
        $"{StorageOptions.SectionName}__{nameof(StorageOptions.QueueEndpoint)}",
        "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        $"{SurveyOptions.SectionName}__{nameof(SurveyOptions.DefaultLocale)}",
        $"{ApiOptions.SectionName}__{nameof(ApiOptions.Keys)}__0",
    ];

    [Fact]
    public void Template_UsesTheDeploymentTemplateSchema()
    {
        Assert.Equal(
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            _template.Root.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Template_DeclaresEveryResourceTheBotNeeds()
    {
        foreach (var type in new[]
        {
            StorageAccount, $"{StorageAccount}/tableServices", $"{StorageAccount}/queueServices", Identity,
            Plan, WebApp, LogAnalytics, AppInsights, Bot,
        })
        {
            _template.Single(type);
        }

        Assert.Equal(2, _template.OfType(RoleAssignment).Count);
        Assert.Equal(
            ["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"],
            _template.OfType(BotChannel).Select(c => Prop(c, "properties.channelName").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Template_DependsOnlyOnResourcesItDeclares()
    {
        var declared = _template.Resources.Select(r => r.GetProperty("type").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var resource in _template.Resources)
        {
            foreach (var dependency in ArmTemplate.DependsOn(resource))
            {
                var type = DependencyType().Match(dependency);
                Assert.True(type.Success, $"dependsOn entry {dependency} is not a resourceId or extensionResourceId");
                Assert.Contains(type.Groups[1].Value, declared);
            }
        }
    }

    [Fact]
    public void Storage_AllowsOnlyEntraAccessOverTls12()
    {
        var storage = _template.Single(StorageAccount);

        Assert.Equal("StorageV2", storage.GetProperty("kind").GetString());
        Assert.False(Prop(storage, "properties.allowSharedKeyAccess").GetBoolean());
        Assert.True(Prop(storage, "properties.supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", Prop(storage, "properties.minimumTlsVersion").GetString());
        Assert.False(Prop(storage, "properties.allowBlobPublicAccess").GetBoolean());
        Assert.True(ArmTemplate.DependsOnType(_template.Single($"{StorageAccount}/tableServices"), StorageAccount));
        Assert.True(ArmTemplate.DependsOnType(_template.Single($"{StorageAccount}/queueServices"), StorageAccount));
    }

    [Fact]
    public void RoleAssignments_GrantTheIdentityTableAndQueueDataContributorOnTheStorageAccount()
    {
        var assignments = _template.OfType(RoleAssignment);

        var roles = assignments.Select(a => _template.Expand(Prop(a, "properties.roleDefinitionId").GetString()!)).ToList();
        Assert.Single(roles, r => r.Contains(StorageTableDataContributor, StringComparison.Ordinal) && r.Contains("'Microsoft.Authorization/roleDefinitions'", StringComparison.Ordinal));
        Assert.Single(roles, r => r.Contains(StorageQueueDataContributor, StringComparison.Ordinal) && r.Contains("'Microsoft.Authorization/roleDefinitions'", StringComparison.Ordinal));
        foreach (var assignment in assignments)
        {
            Assert.Equal(
                "[format('Microsoft.Storage/storageAccounts/{0}', variables('storageAccountName'))]",
                assignment.GetProperty("scope").GetString());
            var principal = Prop(assignment, "properties.principalId").GetString()!;
            Assert.Contains($"'{Identity}'", principal, StringComparison.Ordinal);
            Assert.EndsWith(".principalId]", principal, StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", Prop(assignment, "properties.principalType").GetString());
            Assert.True(ArmTemplate.DependsOnType(assignment, StorageAccount));
            Assert.True(ArmTemplate.DependsOnType(assignment, Identity));
            var name = _template.Expand(assignment.GetProperty("name").GetString()!);
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.Contains($"'{Identity}'", name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WebApp_AppSettings_MatchTheAppsConfigContract()
    {
        var settings = AppSettings();

        Assert.Equal(ExpectedAppSettings.Order(StringComparer.Ordinal), settings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(nameof(BotAppType.UserAssignedMSI), settings["Bot__AppType"]);
        Assert.Equal("[subscription().tenantId]", settings["Bot__TenantId"]);
        foreach (var clientId in new[] { settings["Bot__AppId"], settings["AZURE_CLIENT_ID"] })
        {
            Assert.Contains($"'{Identity}'", clientId, StringComparison.Ordinal);
            Assert.EndsWith(".clientId]", clientId, StringComparison.Ordinal);
        }

        Assert.Equal("[variables('tableEndpoint')]", settings["Storage__TableEndpoint"]);
        Assert.Equal(
            "[format('https://{0}.table.{1}', variables('storageAccountName'), environment().suffixes.storage)]",
            _template.Variable("tableEndpoint"));
        Assert.Equal("[variables('queueEndpoint')]", settings["Storage__QueueEndpoint"]);
        Assert.Equal(
            "[format('https://{0}.queue.{1}', variables('storageAccountName'), environment().suffixes.storage)]",
            _template.Variable("queueEndpoint"));
        Assert.Contains($"'{AppInsights}'", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Equal("[parameters('surveysDefaultLocale')]", settings["Surveys__DefaultLocale"]);
        Assert.Equal("en-US", Prop(_template.Parameters, "surveysDefaultLocale.defaultValue").GetString());
        Assert.Equal("[parameters('apiKeyHash')]", settings["Api__Keys__0"]);
        Assert.Equal("securestring", Prop(_template.Parameters, "apiKeyHash.type").GetString());
    }

    [Fact]
    public void WebApp_RunsDotNet10OnLinux_HttpsOnly_WithHealthCheckAndTheUserAssignedIdentity()
    {
        var plan = _template.Single(Plan);
        var app = _template.Single(WebApp);

        Assert.True(Prop(plan, "properties.reserved").GetBoolean());
        Assert.Equal("[parameters('appServiceSku')]", Prop(plan, "sku.name").GetString());
        Assert.Equal("B1", Prop(_template.Parameters, "appServiceSku.defaultValue").GetString());
        Assert.Equal("DOTNETCORE|10.0", Prop(app, "properties.siteConfig.linuxFxVersion").GetString());
        Assert.Equal("/healthz", Prop(app, "properties.siteConfig.healthCheckPath").GetString());
        Assert.True(Prop(app, "properties.httpsOnly").GetBoolean());
        Assert.Equal("not(equals(parameters('appServiceSku'), 'F1'))", _template.Expand(Prop(app, "properties.siteConfig.alwaysOn").GetString()!)[1..^1]);
        Assert.Equal("UserAssigned", Prop(app, "identity.type").GetString());
        var identity = Assert.Single(Prop(app, "identity.userAssignedIdentities").EnumerateObject());
        Assert.Contains($"'{Identity}'", _template.Expand(identity.Name), StringComparison.Ordinal);
        foreach (var type in new[] { Plan, Identity, AppInsights, $"{StorageAccount}/tableServices", $"{StorageAccount}/queueServices" })
        {
            Assert.True(ArmTemplate.DependsOnType(app, type), $"the web app must depend on {type}");
        }

        Assert.Equal(2, ArmTemplate.DependsOn(app).Count(d => d.Contains($"'{RoleAssignment}'", StringComparison.Ordinal)));
    }

    [Fact]
    public void ApplicationInsights_IsWorkspaceBased()
    {
        var insights = _template.Single(AppInsights);

        Assert.Contains($"'{LogAnalytics}'", Prop(insights, "properties.WorkspaceResourceId").GetString(), StringComparison.Ordinal);
        Assert.True(ArmTemplate.DependsOnType(insights, LogAnalytics));
    }

    [Fact]
    public void Bot_IsAnAzureBotOnTheUserAssignedIdentity_PointingAtTheWebApp()
    {
        var bot = _template.Single(Bot);

        Assert.Equal("azurebot", bot.GetProperty("kind").GetString());
        Assert.Equal("[parameters('botSku')]", Prop(bot, "sku.name").GetString());
        Assert.Equal(["F0", "S1"], Prop(_template.Parameters, "botSku.allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(nameof(BotAppType.UserAssignedMSI), Prop(bot, "properties.msaAppType").GetString());
        var appId = Prop(bot, "properties.msaAppId").GetString()!;
        Assert.Contains($"'{Identity}'", appId, StringComparison.Ordinal);
        Assert.EndsWith(".clientId]", appId, StringComparison.Ordinal);
        Assert.Equal("[subscription().tenantId]", Prop(bot, "properties.msaAppTenantId").GetString());
        Assert.Contains($"'{Identity}'", _template.Expand(Prop(bot, "properties.msaAppMSIResourceId").GetString()!), StringComparison.Ordinal);
        var endpoint = Prop(bot, "properties.endpoint").GetString()!;
        Assert.StartsWith("[format('https://{0}/api/messages', reference(", endpoint, StringComparison.Ordinal);
        Assert.Contains($"'{WebApp}'", endpoint, StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName)]", endpoint, StringComparison.Ordinal);
        Assert.True(ArmTemplate.DependsOnType(bot, Identity));
        Assert.True(ArmTemplate.DependsOnType(bot, WebApp));
        foreach (var channel in _template.OfType(BotChannel))
        {
            Assert.True(ArmTemplate.DependsOnType(channel, Bot));
        }
    }

    [Fact]
    public void Template_NeverReadsAKey()
    {
        Assert.DoesNotMatch(ListFunction(), _template.Text);
        Assert.DoesNotContain("AccountKey", _template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", _template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parameters_ThatNameASecretAreSecure_AndNoneIsOutput()
    {
        var secure = new List<string>();
        foreach (var parameter in _template.Parameters.EnumerateObject())
        {
            var type = parameter.Value.GetProperty("type").GetString()!;
            if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
            {
                secure.Add(parameter.Name);
            }
            else
            {
                Assert.DoesNotMatch(SecretName(), parameter.Name);
            }
        }

        Assert.NotEmpty(secure);
        var outputs = _template.Outputs.GetRawText();
        foreach (var name in secure)
        {
            Assert.DoesNotContain($"parameters('{name}')", outputs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AppSettings_ThatNameASecret_TakeTheirValueFromASecureParameter()
    {
        foreach (var (name, value) in AppSettings().Where(s => SecretName().IsMatch(s.Key)))
        {
            var parameter = SecureParameterReference().Match(value);
            Assert.True(parameter.Success, $"{name} must be set from a parameter, not {value}");
            Assert.Equal("securestring", Prop(_template.Parameters, $"{parameter.Groups[1].Value}.type").GetString());
        }
    }

    [Fact]
    public void Outputs_GiveTheBotIdEndpointAndWhatThePackageScriptNeeds()
    {
        var outputs = _template.Outputs.EnumerateObject().Select(o => o.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "botId", "messagingEndpoint", "appDomain", "identityClientId", "tableEndpoint", "queueEndpoint", "webAppName" },
            outputs);
    }

    [Fact]
    public void ExampleParameters_NameOnlyTemplateParameters_AndEveryRequiredOne()
    {
        var example = ArmTemplate.Load("infra", "azuredeploy.parameters.example.json");
        var given = example.Parameters.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("value"));

        foreach (var (name, value) in given)
        {
            Assert.True(_template.Parameters.TryGetProperty(name, out var parameter), $"{name} is not a template parameter");
            if (parameter.TryGetProperty("allowedValues", out var allowed))
            {
                Assert.Contains(value.GetString(), allowed.EnumerateArray().Select(a => a.GetString()));
            }
        }

        foreach (var parameter in _template.Parameters.EnumerateObject().Where(p => !p.Value.TryGetProperty("defaultValue", out _)))
        {
            Assert.True(given.ContainsKey(parameter.Name), $"required parameter {parameter.Name} is missing from the example");
        }
    }

    private Dictionary<string, string> AppSettings() => _template.WebAppSettings();

    private static JsonElement Prop(JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            Assert.True(element.TryGetProperty(part, out element), $"missing {part} of {path}");
        }

        return element;
    }

    [GeneratedRegex(@"^\[(?:resourceId|extensionResourceId)\((?:variables\('storageAccountId'\), )?'([^']+)'")]
    private static partial Regex DependencyType();

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();

    [GeneratedRegex("password|secret|key|token|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex SecureParameterReference();
}
