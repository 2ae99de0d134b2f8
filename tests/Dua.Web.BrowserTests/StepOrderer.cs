using Xunit.Abstractions;
using Xunit.Sdk;

namespace Dua.Web.BrowserTests;

/// <summary>
/// Runs a class's tests in the order of their <see cref="StepAttribute"/>: the browser tests share one platform, and
/// the last one takes its gateway down.
/// </summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string Name = "Dua.Web.BrowserTests.StepOrderer";
    public const string Assembly = "Dua.Web.BrowserTests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(test => test.TestMethod.Method
            .GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName!)
            .Select(a => (int)a.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First());
}
