#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scorefield's default training recipe as an ordinary PyTorch CPU script: the reference that
`scorefield bench --pytorch` races against (README, "Against a PyTorch script").

The recipe, read from the Java sources (docs/math.md §3.6–3.8):
  network   MLP (c_in·x, sin/cos(ω_k·c_noise)) → 3 × 128 SiLU → 2, ω_k = 64^(k/7), k = 0…7;
            W and b of every layer ~ U(±1/√fan_in) (Architecture.defaults(), Mlp, TimeEmbedding)
  data      a pool of 16,384 two-moons points drawn once; each step draws 512 of them uniformly
            with replacement (Trainer.POOL, DatasetPreset.MOONS)
  times     ln(σ/α) ~ N(P_mean, P_std²), mapped to t on VP-linear and clamped to [t_min, t_max]
            (TrainingTimes)
  objective EDM on VP (Karras et al. 2022; EdmPreconditioning, Parameterization), R = α²σ_d² + σ²:
            c_in = 1/√R, c_skip = ασ_d²/R, c_out = σσ_d/√R, c_noise = ¼ ln(σ/α);
            L = mean_i ‖F_i − (x0_i − c_skip·x_t)/c_out‖², weight λ·c_out² = 1
  optimiser Adam (β₁, β₂, ε, bias correction), lr warm-up over 100 steps, global-norm clipping
            at 1, EMA of the weights with d_k = min(0.999, (1+k)/(10+k)) (Adam, TrainingSettings)

Every constant is in RECIPE below, and the script reads them only from there: a JUnit test
(PytorchReferenceRecipeTest) compares RECIPE with the Java constants, so the two cannot drift apart.
Random numbers come from torch's generator, so a run is not Scorefield's run draw for draw, only
the same distribution of runs.

Usage (Debian: apt-get install python3-torch):
  python3 bench/pytorch_reference.py bench [--json] [--blocks 21] [--warmup 500] [--threads 1]
  python3 bench/pytorch_reference.py train --steps 2000 [--seed 0] [--out weights.pt] [--threads 1]
  python3 bench/pytorch_reference.py loss --model moons.json   # this objective on Scorefield's weights
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

# "activation" and "embedding" name what network() builds (the only ones this script implements).
RECIPE = {
    "width": 128,
    "depth": 3,
    "activation": "silu",
    "embedding": "sinusoidal",
    "frequencies": 8,
    "max_frequency": 64.0,
    "outputs": 2,
    "batch": 512,
    "pool": 16384,
    "learning_rate": 1e-2,
    "warmup_steps": 100,
    "clip_norm": 1.0,
    "ema_decay": 0.999,
    "adam_beta1": 0.9,
    "adam_beta2": 0.999,
    "adam_epsilon": 1e-8,
    "loss_smoothing": 0.98,
    "p_mean": -1.2,
    "p_std": 1.2,
    "sigma_data": 0.5,
    "beta_min": 0.1,
    "beta_max": 20.0,
    "t_min": 1e-3,
    "t_max": 1.0,
    "moons_noise": 0.05,
    "moons_center_x": 0.5,
    "moons_center_y": 0.25,
    "moons_scale": 1.4147865864723689,
    "bench_warmup_steps": 500,
    "bench_block_steps": 25,
}

R = RECIPE


def load_torch(threads):
    """torch on the given threads, or one sentence on stderr and exit status 3 when it cannot be imported."""
    # OpenBLAS sizes its own thread pool from the environment when it loads, which torch.set_num_threads
    # does not reach: without this a Debian torch on OpenBLAS would multiply on every core.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(threads))
    try:
        import torch
    except Exception as e:  # ImportError, or a broken installation
        sys.stderr.write("PyTorch cannot be imported by %s (%s): install it, e.g. apt-get install "
                         "python3-torch.\n" % (sys.executable, str(e).splitlines()[0] if str(e) else type(e).__name__))
        sys.exit(3)
    torch.set_num_threads(threads)
    return torch


def blas():
    """The BLAS library this process loaded (Linux), e.g. OpenBLAS or the slow reference BLAS; 'unknown' elsewhere."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if line.rstrip().endswith(".so") or ".so." in line}
    except OSError:
        return "unknown"
    found = sorted(os.path.realpath(p) for p in paths
                   if any(n in os.path.basename(p).lower() for n in ("blas", "mkl_core", "mkl_rt", "blis")))
    return ", ".join(found) if found else "none found"


def moons(torch, n):
    """n two-moons points, as DatasetPreset.MOONS: each point's moon drawn independently, centred and scaled."""
    moon = torch.randint(0, 2, (n,))
    t = math.pi * torch.rand(n)
    x = torch.where(moon == 0, torch.cos(t), 1 - torch.cos(t))
    y = torch.where(moon == 0, torch.sin(t), 0.5 - torch.sin(t))
    xy = torch.stack([x, y], dim=1) + R["moons_noise"] * torch.randn(n, 2)
    return R["moons_scale"] * (xy - torch.tensor([R["moons_center_x"], R["moons_center_y"]]))


def network(torch):
    """The MLP with every W and b ~ U(±1/√fan_in) (nn.Linear's default, written out)."""
    nn = torch.nn
    inputs = 2 + 2 * R["frequencies"]
    sizes = [inputs] + [R["width"]] * R["depth"] + [R["outputs"]]
    layers = []
    for i in range(len(sizes) - 1):
        linear = nn.Linear(sizes[i], sizes[i + 1])
        bound = 1 / math.sqrt(sizes[i])
        with torch.no_grad():
            linear.weight.uniform_(-bound, bound)
            linear.bias.uniform_(-bound, bound)
        layers.append(linear)
        if i < len(sizes) - 2:
            layers.append(nn.SiLU())
    return nn.Sequential(*layers)


class Recipe:
    """One training run: the pool, the network, Adam, the EMA; step() is one optimiser step."""

    def __init__(self, torch, seed):
        self.torch = torch
        torch.manual_seed(seed)
        self.net = network(torch)
        self.params = list(self.net.parameters())
        self.ema = [p.detach().clone() for p in self.params]
        self.pool = moons(torch, R["pool"])
        f = R["frequencies"]
        self.omega = torch.tensor([R["max_frequency"] ** (k / (f - 1)) for k in range(f)])
        self.opt = torch.optim.Adam(self.params, lr=R["learning_rate"],
                                    betas=(R["adam_beta1"], R["adam_beta2"]), eps=R["adam_epsilon"])
        self.steps = 0
        self.smoothed_sum = 0.0
        self.smoothed_weight = 0.0
        self.last_loss = float("nan")

    def loss(self, b):
        """The EDM loss of one batch of b points drawn from the pool (a graph to backpropagate through)."""
        torch = self.torch
        bmin, bmax, sd = R["beta_min"], R["beta_max"], R["sigma_data"]
        # Data, noise and EDM's log-normal noise-to-signal ratio σ/α.
        x0 = self.pool[torch.randint(0, R["pool"], (b,))]
        eps = torch.randn(b, 2)
        ratio = torch.exp(R["p_mean"] + R["p_std"] * torch.randn(b, 1))
        # t with σ/α = ratio on VP-linear: B(t) = ln(1 + ratio²), the positive root of ½Δβt² + β_min t = B.
        big_b = torch.log1p(ratio * ratio)
        t = 2 * big_b / (bmin + torch.sqrt(bmin * bmin + 2 * (bmax - bmin) * big_b))
        t = t.clamp(R["t_min"], R["t_max"])
        big_b = bmin * t + 0.5 * t * t * (bmax - bmin)
        alpha = torch.exp(-0.5 * big_b)
        sigma = torch.sqrt(-torch.expm1(-big_b))
        xt = alpha * x0 + sigma * eps
        # EDM preconditioning for α ≠ 1.
        r = alpha * alpha * sd * sd + sigma * sigma
        c_in = torch.rsqrt(r)
        c_skip = alpha * sd * sd / r
        c_out = sigma * sd / torch.sqrt(r)
        c_noise = 0.25 * torch.log(sigma / alpha)
        target = (x0 - c_skip * xt) / c_out
        angle = c_noise * self.omega
        inputs = torch.cat([c_in * xt, torch.sin(angle), torch.cos(angle)], dim=1)
        # λ(σ)·c_out² = 1 makes every point's weight 1.
        return (self.net(inputs) - target).square().sum(dim=1).mean()

    def step(self):
        torch = self.torch
        loss = self.loss(R["batch"])
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        value = loss.item()
        # clip_grad_norm_ divides by ‖g‖ + 1e-6 where Scorefield divides by ‖g‖: 1e-6 relative.
        norm = float(torch.nn.utils.clip_grad_norm_(self.params, R["clip_norm"]))
        if not (math.isfinite(value) and math.isfinite(norm)):
            raise FloatingPointError("Training stopped at step %d: the %s is not finite."
                                     % (self.steps + 1, "loss" if not math.isfinite(value) else "gradient"))
        self.steps += 1
        k = self.steps
        warm = 1.0 if R["warmup_steps"] == 0 else min(1.0, k / R["warmup_steps"])
        for group in self.opt.param_groups:
            group["lr"] = R["learning_rate"] * warm
        self.opt.step()
        d = min(R["ema_decay"], (1.0 + k) / (10.0 + k))
        with torch.no_grad():
            for e, p in zip(self.ema, self.params):
                e.mul_(d).add_(p, alpha=1 - d)
        s = R["loss_smoothing"]
        self.smoothed_sum = s * self.smoothed_sum + (1 - s) * value
        self.smoothed_weight = s * self.smoothed_weight + (1 - s)
        self.last_loss = value
        return value

    def smoothed_loss(self):
        """The bias-corrected exponential average of the loss: what `scorefield train` reports as final_loss."""
        return self.smoothed_sum / self.smoothed_weight if self.smoothed_weight else float("nan")

    def parameters(self):
        return sum(p.numel() for p in self.params)


def bench(torch, args):
    """Warm-up steps, then blocks of 25 steps, ms per step as the median over blocks (BenchCommand.speed)."""
    recipe = Recipe(torch, args.seed)
    for _ in range(args.warmup):
        recipe.step()
    per_block = R["bench_block_steps"]
    blocks = []
    for _ in range(args.blocks):
        start = time.perf_counter()
        for _ in range(per_block):
            recipe.step()
        blocks.append((time.perf_counter() - start) * 1e3 / per_block)
    result = {
        "ms_per_step": statistics.median(blocks),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "blas": blas(),
        "parameters": recipe.parameters(),
        "blocks": blocks,
        "block_steps": per_block,
        "warmup_steps": args.warmup,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print("%.3f ms per step (median of %d blocks of %d steps after %d warm-up steps), torch %s, %d thread(s), "
              "%d parameters, BLAS %s" % (result["ms_per_step"], len(blocks), per_block, args.warmup,
                                          result["torch"], result["threads"], result["parameters"], result["blas"]))


def train(torch, args):
    """A whole run, as `scorefield train --data moons --steps N`: train, then save the EMA weights."""
    recipe = Recipe(torch, args.seed)
    start = time.perf_counter()
    for _ in range(args.steps):
        recipe.step()
    seconds = time.perf_counter() - start
    if args.out:  # atomically, as Scorefield writes its model file
        partial = args.out + ".partial"
        with open(partial, "wb") as f:
            torch.save({name: e for (name, _), e in zip(recipe.net.named_parameters(), recipe.ema)}, f)
        os.replace(partial, args.out)
    print(json.dumps({
        "steps": recipe.steps,
        "seconds": seconds,
        "steps_per_s": recipe.steps / seconds,
        "final_loss": recipe.smoothed_loss(),
        "last_loss": recipe.last_loss,
        "parameters": recipe.parameters(),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "blas": blas(),
        "out": args.out,
    }))


def model_loss(torch, args):
    """This script's loss for the weights of a Scorefield model file of the default recipe: the same objective
    gives about the loss that `scorefield train` reported (its final_loss), a mismatch a much larger one."""
    import base64
    import struct
    try:
        with open(args.model, encoding="utf-8") as f:
            model = json.load(f)
        a, process = model["architecture"], model["process"]
        raw = base64.b64decode(model["weights"]["base64"])
    except (ValueError, KeyError, TypeError) as e:
        raise ValueError("%s is not a Scorefield model file (%s)." % (args.model, e))
    default = (a.get("width"), a.get("depth"), a.get("activation"), a.get("residual"), a.get("embedding"),
               a.get("frequencies"), a.get("classes"), model.get("objective"), model.get("sigma_data"),
               process.get("kind"), process.get("parameters"))
    expected = (R["width"], R["depth"], R["activation"], False, R["embedding"], R["frequencies"], 0, "edm",
                R["sigma_data"], "vp", {"beta_min": R["beta_min"], "beta_max": R["beta_max"]})
    if default != expected:
        raise ValueError("%s is not a model of the default recipe (edm on vp, 3 x 128 silu, sinusoidal time)."
                         % args.model)
    weights = torch.tensor(struct.unpack("<%df" % (len(raw) // 4), raw))
    recipe = Recipe(torch, args.seed)
    if weights.numel() != recipe.parameters():
        raise ValueError("%s holds %d weights, the recipe has %d." % (args.model, weights.numel(), recipe.parameters()))
    off = 0
    with torch.no_grad():
        for layer in recipe.net:
            if isinstance(layer, torch.nn.Linear):
                out, inp = layer.weight.shape
                # Scorefield stores each layer as W (fan_in × fan_out, row-major), then b.
                layer.weight.copy_(weights[off:off + inp * out].view(inp, out).t())
                off += inp * out
                layer.bias.copy_(weights[off:off + out])
                off += out
        chunks = max(1, args.points // 10000)
        value = sum(recipe.loss(args.points // chunks).item() for _ in range(chunks)) / chunks
    print(json.dumps({"loss": value, "points": chunks * (args.points // chunks), "model_loss": model.get("loss"),
                      "model_steps": model.get("steps")}))


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1, got %s" % text)
    return value


def non_negative(text):
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be at least 0, got %s" % text)
    return value


def main():
    parser = argparse.ArgumentParser(description="Scorefield's default training recipe in plain PyTorch.")
    parser.add_argument("--threads", type=positive, default=1, help="torch.set_num_threads (default 1)")
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed (default 0)")
    modes = parser.add_subparsers(dest="mode", required=True)
    b = modes.add_parser("bench", help="ms per training step")
    b.add_argument("--json", action="store_true", help="print one JSON object")
    b.add_argument("--blocks", type=positive, default=21, help="timed blocks of 25 steps (default 21)")
    b.add_argument("--warmup", type=non_negative, default=R["bench_warmup_steps"], help="untimed steps first (default 500)")
    t = modes.add_parser("train", help="a whole training run")
    t.add_argument("--steps", type=positive, default=2000, help="optimiser steps (default 2000)")
    t.add_argument("--out", help="where to save the EMA weights (torch.save), optional")
    e = modes.add_parser("loss", help="this script's loss for a Scorefield model file's weights")
    e.add_argument("--model", required=True, help="a model file of `scorefield train --data moons`")
    e.add_argument("--points", type=positive, default=200000, help="noisy points to average over (default 200000)")
    for sub in (b, t, e):  # also accepted after the mode
        sub.add_argument("--threads", type=positive, default=argparse.SUPPRESS)
        sub.add_argument("--seed", type=int, default=argparse.SUPPRESS)
    args = parser.parse_args()
    torch = load_torch(args.threads)
    try:
        {"bench": bench, "train": train, "loss": model_loss}[args.mode](torch, args)
    except OSError as e:
        sys.stderr.write("Cannot use %s: %s.\n" % (e.filename, e.strerror))
        sys.exit(1)
    except (FloatingPointError, ValueError) as e:
        sys.stderr.write("%s\n" % e)
        sys.exit(1)


if __name__ == "__main__":
    main()
