// `breaks` and `trend` in every format (`concentration`: ConcentrationOutput.swift).

import ShareData
import ShareStats

public enum BreaksOutput {
  /// `transformations`: what was done to the shares (`Charts.transformations`), stated in JSON and CSV.
  public static func render(
    _ a: BreakAnalysis?, chow: [ChowTest], category: String, format: OutputFormat, ascii: Bool = false,
    transformations: [String] = []
  ) -> String {
    let trailing = Transformations.csvColumns(transformations)
    switch format {
    case .json:
      return json(a, chow: chow, category: category).appending(Transformations.jsonMembers(transformations))
        .render() + "\n"
    case .csv:
      if let a {
        var writer = CSVWriter(
          header: ["date", "share_before", "share_after", "delta_pp", "ci95_lower", "ci95_upper"], trailing: trailing)
        for b in a.breaks {
          writer.row([
            b.date.description, machineNumber(b.shareBefore), machineNumber(b.shareAfter), machineNumber(b.deltaPP),
            b.ci95.map { CivilDate(dayNumber: $0.lowerBound).description } ?? "",
            b.ci95.map { CivilDate(dayNumber: $0.upperBound).description } ?? "",
          ])
        }
        return writer.text
      }
      var writer = CSVWriter(
        header: ["date", "f", "df1", "df2", "p_value", "f_hac", "p_hac", "hac_lag"], trailing: trailing)
      for t in chow {
        writer.row([
          t.day.description, machineNumber(t.f), String(t.df1), String(t.df2),
          machineNumber(t.pValue), machineNumber(t.fHAC), machineNumber(t.pValueHAC), String(t.hacLag),
        ])
      }
      return writer.text
    case .text, .markdown:
      var out = ""
      if let a {
        out +=
          "\(a.category): \(a.breaks.count) break\(a.breaks.count == 1 ? "" : "s") in the mean of the logit share, "
        out += BreaksOutput.chosenBy(a) + "\n"
        out += "minimum segment \(a.minSegment), \(a.count) values, \(a.clamped) clamped at 0 or 1, "
        out += "RSS \(NumberFormat.fixed(a.rss, 4)), σ = \(NumberFormat.fixed(a.sigma, 4))\n"
        if let f = a.supF {
          out += "any break at all? sup-F \(NumberFormat.fixed(f.statistic, 2)), p \(NumberFormat.pValue(f.pValue)) "
          out += "(Andrews 1993, trim \(NumberFormat.fixed(f.trim, 2)), p by Hansen 1997)\n"
        }
        out += "\n"
        let table = TableModel(
          columns: [
            TableColumn("date", .left), TableColumn("95% interval", .left), TableColumn("share before"),
            TableColumn("share after"), TableColumn("Δ pp"),
          ],
          rows: a.breaks.map {
            [
              $0.date.description, BreaksOutput.interval($0), NumberFormat.percent($0.shareBefore),
              NumberFormat.percent($0.shareAfter), NumberFormat.signed($0.deltaPP, 2),
            ]
          })
        out += renderTable(table, format: format, ascii: ascii)
      }
      if !chow.isEmpty {
        out += "\(category): Chow test for a break in the trend of the logit share; the HAC columns use a "
        out += "Newey–West covariance (Wald F, df 2 and n − 4), as daily shares are autocorrelated\n\n"
        let table = TableModel(
          columns: [
            TableColumn("date", .left), TableColumn("F"), TableColumn("df", .right), TableColumn("p", .right),
            TableColumn("F (HAC)"), TableColumn("p (HAC)", .right), TableColumn("lag", .right),
          ],
          rows: chow.map {
            [
              $0.day.description, NumberFormat.fixed($0.f, 2), "\($0.df1), \($0.df2)",
              NumberFormat.pValue($0.pValue), NumberFormat.fixed($0.fHAC, 2), NumberFormat.pValue($0.pValueHAC),
              String($0.hacLag),
            ]
          })
        out += renderTable(table, format: format, ascii: ascii)
      }
      return TerminalText.sanitized(out)
    }
  }

  /// A break's 95% interval as "first..last" dates, or "—" where Bai's interval cannot be computed.
  static func interval(_ b: Break) -> String {
    b.ci95.map { "\(CivilDate(dayNumber: $0.lowerBound))..\(CivilDate(dayNumber: $0.upperBound))" } ?? "—"
  }

  /// How the fit was chosen, in words.
  static func chosenBy(_ a: BreakAnalysis) -> String {
    switch a.penalty {
    case nil: "the optimal fit with that many breaks (Bai & Perron dynamic programme)"
    case .bic?: "chosen by BIC among the optimal fits (Bai & Perron)"
    case .lwz?: "chosen by LWZ among the optimal fits (Bai & Perron)"
    case .mbic?: "chosen by MBIC (Zhang & Siegmund)"
    case .manual(let v)?: "PELT with penalty \(NumberFormat.fixed(v, 4)) per break"
    }
  }

  public static func json(_ a: BreakAnalysis?, chow: [ChowTest], category: String) -> JSONValue {
    var members: [(String, JSONValue)] = [("category", .string(category))]
    if let a {
      members += [
        ("method", .string(a.method)), ("model", .string("mean shifts in the logit share")),
        ("penalty", a.penalty.map { .string($0.description) } ?? .null),
        ("criterion", .optional(a.criterion)), ("rss", .number(a.rss)), ("sigma", .number(a.sigma)),
        ("min_segment", .number(Double(a.minSegment))),
        ("n", .number(Double(a.count))), ("clamped", .number(Double(a.clamped))),
        ("breaks_found", .number(Double(a.breaks.count))),
        (
          "sup_f",
          a.supF.map {
            .object([
              ("statistic", .number($0.statistic)), ("p_value", .number($0.pValue)), ("trim", .number($0.trim)),
            ])
          } ?? .null
        ),
        (
          "breaks",
          .array(
            a.breaks.map {
              .object([
                ("date", .string($0.date.description)), ("share_before", .number($0.shareBefore)),
                ("share_after", .number($0.shareAfter)), ("delta_pp", .number($0.deltaPP)),
                (
                  "ci95",
                  $0.ci95.map {
                    .array([
                      .string(CivilDate(dayNumber: $0.lowerBound).description),
                      .string(CivilDate(dayNumber: $0.upperBound).description),
                    ])
                  } ?? .null
                ),
              ])
            })
        ),
      ]
    }
    if !chow.isEmpty {
      members.append(
        (
          "chow",
          .array(
            chow.map {
              .object([
                ("date", .string($0.day.description)), ("f", .number($0.f)),
                ("df1", .number(Double($0.df1))),
                ("df2", .number(Double($0.df2))), ("p_value", .number($0.pValue)),
                ("log10_p", .optional($0.log10PValue)),
                ("f_hac", .number($0.fHAC)), ("p_hac", .number($0.pValueHAC)), ("hac_lag", .number(Double($0.hacLag))),
              ])
            })
        ))
    }
    return .object(members)
  }
}

public enum TrendOutput {
  /// `transformations`: what was done to the shares (`Charts.transformations`), stated in JSON and CSV.
  public static func render(_ t: TrendFit, format: OutputFormat, transformations: [String] = []) -> String {
    switch format {
    case .json: return json(t).appending(Transformations.jsonMembers(transformations)).render() + "\n"
    case .csv:
      var writer = CSVWriter(
        header: [
          "category", "from", "to", "n", "slope_per_month", "slope_se", "p_value", "r2", "half_life_months",
          "intercept", "clamped", "se_hac", "p_hac", "hac_lag", "slope_pp_per_year",
        ], trailing: Transformations.csvColumns(transformations))
      writer.row([
        t.category, CivilDate(dayNumber: t.firstDay).description, CivilDate(dayNumber: t.lastDay).description,
        String(t.count),
        machineNumber(t.slope), machineNumber(t.slopeSE), machineNumber(t.pValue), machineNumber(t.r2),
        machineNumber(t.halfLifeMonths), machineNumber(t.intercept), String(t.clamped), machineNumber(t.slopeSEHAC),
        machineNumber(t.pValueHAC), String(t.hacLag), machineNumber(t.slopePointsPerYear),
      ])
      return writer.text
    case .text, .markdown:
      var out =
        "\(t.category), \(CivilDate(dayNumber: t.firstDay))..\(CivilDate(dayNumber: t.lastDay)) (\(t.count) values): "
      out += "logit share changes by \(NumberFormat.signed(t.slope, 4)) per month "
      out +=
        "(SE \(NumberFormat.fixed(t.slopeSE, 4)), p \(NumberFormat.pValue(t.pValue)), R² \(NumberFormat.fixed(t.r2, 3)))\n"
      out +=
        "Newey–West (lag \(t.hacLag)): SE \(NumberFormat.fixed(t.slopeSEHAC, 4)), p \(NumberFormat.pValue(t.pValueHAC)); "
      out += "at the mean share that is \(NumberFormat.signed(t.slopePointsPerYear, 2)) points per year\n"
      if let h = t.halfLifeMonths {
        out += "the odds share/(1 − share) halve every \(NumberFormat.fixed(h, 1)) months"
        if let ci = t.halfLifeCI95 {
          let upper = ci.upper.map { NumberFormat.fixed($0, 1) } ?? "∞"
          out += " (95% interval \(ci.lower.map { NumberFormat.fixed($0, 1) } ?? "?")–\(upper), Newey–West)"
        }
        out += "\n"
      } else {
        out += "no decline: the share rises\n"
      }
      if t.clamped > 0 { out += "\(t.clamped) values of 0 or 1 were clamped to 0.0001 or 0.9999 before the logit\n" }
      return TerminalText.sanitized(out)
    }
  }

  public static func json(_ t: TrendFit) -> JSONValue {
    .object([
      ("category", .string(t.category)), ("method", .string("OLS of logit share on months")),
      ("from", .string(CivilDate(dayNumber: t.firstDay).description)),
      ("to", .string(CivilDate(dayNumber: t.lastDay).description)),
      ("n", .number(Double(t.count))), ("slope_per_month", .number(t.slope)), ("slope_se", .number(t.slopeSE)),
      ("p_value", .number(t.pValue)), ("log10_p", .optional(t.log10PValue)), ("r2", .number(t.r2)),
      ("half_life_months", .optional(t.halfLifeMonths)),
      ("intercept", .number(t.intercept)), ("clamped", .number(Double(t.clamped))),
      ("se_hac", .number(t.slopeSEHAC)), ("p_hac", .number(t.pValueHAC)), ("hac_lag", .number(Double(t.hacLag))),
      ("slope_pp_per_year", .number(t.slopePointsPerYear)),
      (
        "half_life_months_ci95",
        t.halfLifeCI95.map { .array([.optional($0.lower), .optional($0.upper)]) } ?? .null
      ),
    ])
  }
}
