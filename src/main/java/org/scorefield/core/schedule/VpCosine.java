package org.scorefield.core.schedule;

import java.util.Map;
import org.scorefield.core.InvalidInputException;

/**
 * VP cosine (Nichol & Dhariwal 2021, "Improved DDPM"), with θ(t) = ((t + s)/(1 + s))·π/2:
 * <pre>
 *   ᾱ(t) = cos²θ(t) / cos²θ(0),   α = sqrt(ᾱ),   σ = sqrt(1 − ᾱ),
 *   f = α'/α = −θ' tan θ,   g² = −2f = 2θ' tan θ   (VP: α² + σ² = 1)
 * </pre>
 * (docs/math.md §2.3.) ᾱ reaches 0 at t = 1, so λ, f and g² are capped at the time where ᾱ
 * falls to {@link Schedule#MIN_SNR}; α and σ stay exact up to t = 1.
 */
public record VpCosine(double s) implements Schedule {

    static final ParameterSpec S = new ParameterSpec("s", "s", 0.008, 0, 0.2, false,
            "Offset that keeps the noise from vanishing too abruptly near t = 0.");

    public VpCosine {
        InvalidInputException.requireFinite(s, "s");
        InvalidInputException.require(s >= 0 && s < 1, "s must lie in [0, 1), got " + s + ".");
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.VP_COSINE;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("s", s);
    }

    private double theta(double t) {
        return (t + s) / (1 + s) * Math.PI / 2;
    }

    private double dTheta() {
        return Math.PI / (2 * (1 + s));
    }

    @Override
    public double alpha(double t) {
        return Math.cos(theta(t)) / Math.cos(theta(0));
    }

    @Override
    public double sigma(double t) {
        // 1 − ᾱ = (cos²θ0 − cos²θ)/cos²θ0 = sin(θ − θ0)·sin(θ + θ0)/cos²θ0, accurate near t = 0.
        double th = theta(t);
        double th0 = theta(0);
        return Math.sqrt(Math.max(0, Math.sin(th - th0) * Math.sin(th + th0))) / Math.cos(th0);
    }

    @Override
    public double dAlpha(double t) {
        return -Math.sin(theta(t)) * dTheta() / Math.cos(theta(0));
    }

    @Override
    public double dSigma(double t) {
        return -alpha(t) * dAlpha(t) / sigma(t);
    }

    @Override
    public double f(double t) {
        return -dTheta() * Math.tan(theta(t));
    }

    @Override
    public double g2(double t) {
        return 2 * dTheta() * Math.tan(theta(t));
    }

    @Override
    public double tOfLambda(double lambda) {
        // cos θ = sqrt(ᾱ)·cos θ0 with ᾱ = sigmoid(2λ); through atan2, with 1 − ᾱ = sigmoid(−2λ), so that
        // θ stays accurate near θ0 (t → 0), where acos would lose most digits.
        double c0 = Math.cos(theta(0));
        double s0 = Math.sin(theta(0));
        double sinTheta = Math.sqrt(s0 * s0 + Schedules.sigmoid(-2 * lambda) * c0 * c0);
        double th = Math.atan2(sinTheta, Math.sqrt(Schedules.sigmoid(2 * lambda)) * c0);
        return th * 2 * (1 + s) / Math.PI - s;
    }

    @Override
    public double tMin() {
        return 1e-3;
    }

    @Override
    public double tMax() {
        return tOfLambda(Schedules.lambdaAtMinSnr());
    }
}
