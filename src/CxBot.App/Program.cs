using CxBot.App.Contacts;
using CxBot.App.Hosting;
using CxBot.App.Insights.Export;
using CxBot.App.People;

var builder = WebApplication.CreateBuilder(args);
builder.AddCxBot();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapBotEndpoints();
app.MapContactsEndpoints();
app.MapStaffEndpoints();
app.MapExportEndpoints();
app.MapHealthEndpoints();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
