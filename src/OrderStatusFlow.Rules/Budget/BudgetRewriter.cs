using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OrderStatusFlow.Rules.Budget;

/// <summary>
/// Inserts <c>RuleBudget.Step()</c> at the start of every loop body, <c>RuleBudget.Enter()</c> at the start of every
/// method, local function, lambda, anonymous method and accessor of a script, <c>RuleBudget.Check()</c> at the start of
/// every catch and finally block, and wraps every query-clause expression in <c>RuleBudget.Pass(...)</c>. Expression bodies become blocks. No line
/// break is ever added, so line numbers of the instrumented script equal those of the file (stack traces stay exact).
/// Needs the semantic model of the original tree to know whether an expression body returns a value.
/// </summary>
internal sealed class BudgetRewriter : CSharpSyntaxRewriter
{
    static readonly StatementSyntax StepCall = Call("Step");
    static readonly StatementSyntax EnterCall = Call("Enter");
    static readonly StatementSyntax CheckCall = Call("Check");

    readonly SemanticModel _model;

    BudgetRewriter(SemanticModel model) => _model = model;

    public static SyntaxTree Rewrite(SyntaxTree tree, SemanticModel model)
    {
        var root = (CSharpSyntaxNode)new BudgetRewriter(model).Visit(tree.GetRoot())!;
        // Emitting debug information (for line numbers in stack traces) needs the text's encoding.
        return CSharpSyntaxTree.Create(root, (CSharpParseOptions)tree.Options, tree.FilePath, System.Text.Encoding.UTF8);
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Prepend(StepCall, visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Prepend(StepCall, visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Prepend(StepCall, visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Prepend(StepCall, visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Prepend(StepCall, visited.Statement));
    }

    // A caught exception or a finally block must not let a spent budget run on: both start by checking it.
    public override SyntaxNode? VisitCatchClause(CatchClauseSyntax node)
    {
        var visited = (CatchClauseSyntax)base.VisitCatchClause(node)!;
        return visited.WithBlock(PrependBlock(CheckCall, visited.Block));
    }

    public override SyntaxNode? VisitFinallyClause(FinallyClauseSyntax node)
    {
        var visited = (FinallyClauseSyntax)base.VisitFinallyClause(node)!;
        return visited.WithBlock(PrependBlock(CheckCall, visited.Block));
    }

    // Query clauses become lambdas the compiler writes: each clause expression passes through a step instead.
    public override SyntaxNode? VisitWhereClause(WhereClauseSyntax node)
    {
        var visited = (WhereClauseSyntax)base.VisitWhereClause(node)!;
        return visited.WithCondition(Pass(visited.Condition));
    }

    public override SyntaxNode? VisitSelectClause(SelectClauseSyntax node)
    {
        var visited = (SelectClauseSyntax)base.VisitSelectClause(node)!;
        return visited.WithExpression(Pass(visited.Expression));
    }

    public override SyntaxNode? VisitLetClause(LetClauseSyntax node)
    {
        var visited = (LetClauseSyntax)base.VisitLetClause(node)!;
        return visited.WithExpression(Pass(visited.Expression));
    }

    public override SyntaxNode? VisitFromClause(FromClauseSyntax node)
    {
        var visited = (FromClauseSyntax)base.VisitFromClause(node)!;
        return visited.WithExpression(Pass(visited.Expression));
    }

    public override SyntaxNode? VisitOrdering(OrderingSyntax node)
    {
        var visited = (OrderingSyntax)base.VisitOrdering(node)!;
        return visited.WithExpression(Pass(visited.Expression));
    }

    public override SyntaxNode? VisitGroupClause(GroupClauseSyntax node)
    {
        var visited = (GroupClauseSyntax)base.VisitGroupClause(node)!;
        return visited.WithGroupExpression(Pass(visited.GroupExpression)).WithByExpression(Pass(visited.ByExpression));
    }

    public override SyntaxNode? VisitJoinClause(JoinClauseSyntax node)
    {
        var visited = (JoinClauseSyntax)base.VisitJoinClause(node)!;
        return visited.WithInExpression(Pass(visited.InExpression))
            .WithLeftExpression(Pass(visited.LeftExpression))
            .WithRightExpression(Pass(visited.RightExpression));
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var voidLike = ReturnsNothing(_model.GetSymbolInfo(node).Symbol as IMethodSymbol);
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.Block is { } block
            ? visited.WithBlock(PrependBlock(EnterCall, block))
            : visited.WithExpressionBody(null).WithBlock(ToBlock(visited.ExpressionBody!, voidLike));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var voidLike = ReturnsNothing(_model.GetSymbolInfo(node).Symbol as IMethodSymbol);
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.Block is { } block
            ? visited.WithBlock(PrependBlock(EnterCall, block))
            : visited.WithExpressionBody(null).WithBlock(ToBlock(visited.ExpressionBody!, voidLike));
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(PrependBlock(EnterCall, visited.Block));
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var voidLike = ReturnsNothing(_model.GetDeclaredSymbol(node) as IMethodSymbol);
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.Body is { } body)
            return visited.WithBody(PrependBlock(EnterCall, body));
        if (visited.ExpressionBody is { } arrow)
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow, visited.SemicolonToken, voidLike));
        return visited;
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        InstrumentMethod(node, base.VisitMethodDeclaration(node));

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        InstrumentMethod(node, base.VisitConstructorDeclaration(node));

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        InstrumentMethod(node, base.VisitOperatorDeclaration(node));

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        InstrumentMethod(node, base.VisitConversionOperatorDeclaration(node));

    public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) =>
        InstrumentMethod(node, base.VisitDestructorDeclaration(node));

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var voidLike = ReturnsNothing(_model.GetDeclaredSymbol(node));
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        if (visited.Body is { } body)
            return visited.WithBody(PrependBlock(EnterCall, body));
        if (visited.ExpressionBody is { } arrow)
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow, visited.SemicolonToken, voidLike));
        return visited;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    SyntaxNode InstrumentMethod(BaseMethodDeclarationSyntax original, SyntaxNode? visitedNode)
    {
        var visited = (BaseMethodDeclarationSyntax)visitedNode!;
        if (visited.Body is { } body)
            return visited.WithBody(PrependBlock(EnterCall, body));
        if (visited.ExpressionBody is { } arrow)
        {
            var voidLike = ReturnsNothing(_model.GetDeclaredSymbol(original) as IMethodSymbol);
            return visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ToBlock(arrow, visited.SemicolonToken, voidLike));
        }
        return visited;
    }

    // The trivia of "=>" and ";" (line breaks included) moves to the braces that replace them, keeping every line in place.
    static AccessorListSyntax Getter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon) =>
        SyntaxFactory.AccessorList(
            Brace(SyntaxKind.OpenBraceToken, arrow.ArrowToken),
            SyntaxFactory.SingletonList(SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithBody(ToBlock(arrow.Expression, voidLike: false))),
            Brace(SyntaxKind.CloseBraceToken, semicolon));

    static BlockSyntax ToBlock(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool voidLike) =>
        ToBlock(arrow.Expression, voidLike)
            .WithOpenBraceToken(Brace(SyntaxKind.OpenBraceToken, arrow.ArrowToken))
            .WithCloseBraceToken(Brace(SyntaxKind.CloseBraceToken, semicolon));

    static SyntaxToken Brace(SyntaxKind kind, SyntaxToken replaced) =>
        SyntaxFactory.Token(replaced.LeadingTrivia, kind, replaced.TrailingTrivia);

    static BlockSyntax ToBlock(ExpressionSyntax expression, bool voidLike)
    {
        StatementSyntax statement = expression switch
        {
            // The expression keeps its own trivia: dropping a line break would shift every later line number.
            ThrowExpressionSyntax thrown => SyntaxFactory.ThrowStatement(Keyword(SyntaxKind.ThrowKeyword), thrown.Expression, Semicolon),
            _ when voidLike => SyntaxFactory.ExpressionStatement(expression),
            _ => SyntaxFactory.ReturnStatement(Keyword(SyntaxKind.ReturnKeyword), expression, Semicolon),
        };
        return SyntaxFactory.Block(EnterCall, statement);
    }

    static readonly SyntaxToken Semicolon = SyntaxFactory.Token(SyntaxKind.SemicolonToken);

    static SyntaxToken Keyword(SyntaxKind kind) =>
        SyntaxFactory.Token(SyntaxFactory.TriviaList(), kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    static StatementSyntax Prepend(StatementSyntax call, StatementSyntax body) =>
        body is BlockSyntax block ? PrependBlock(call, block) : SyntaxFactory.Block(call, body);

    static BlockSyntax PrependBlock(StatementSyntax call, BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, call));

    static bool ReturnsNothing(IMethodSymbol? method)
    {
        if (method is null)
            return false;
        if (method.ReturnsVoid)
            return true;
        var returnType = method.ReturnType;
        return method.IsAsync && returnType is INamedTypeSymbol { IsGenericType: false };
    }

    // The expression keeps its trivia outside the call, so no line moves.
    static ExpressionSyntax Pass(ExpressionSyntax expression) =>
        SyntaxFactory.InvocationExpression(PassMethod, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(expression.WithoutTrivia()))))
            .WithLeadingTrivia(expression.GetLeadingTrivia())
            .WithTrailingTrivia(expression.GetTrailingTrivia());

    static readonly ExpressionSyntax PassMethod = SyntaxFactory.ParseExpression("global::OrderStatusFlow.Rules.Budget.RuleBudget.Pass");

    static StatementSyntax Call(string method) =>
        SyntaxFactory.ParseStatement($"global::OrderStatusFlow.Rules.Budget.RuleBudget.{method}(); ");
}
