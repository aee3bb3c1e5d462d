package org.jmd.training.nnp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jmd.engine.InputException;
import org.jmd.engine.opt.Lbfgs;
import org.jmd.engine.opt.StateIO;
import org.jmd.engine.opt.StepLimits;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingCheckpoint;

/**
 * The training loop on cached descriptors: shuffled mini-batches (order from the seed only),
 * Adam steps, after each epoch the train and validation errors and the atomic energy at every
 * invariant point logged to the learning curve, and early stopping that keeps the parameters of
 * the best validation loss (training loss when there is no validation set). With
 * {@code lbfgs > 0}, full-batch L-BFGS on the same loss then continues from the best Adam
 * parameters, one logged row per iteration with the epoch count continued and the same early
 * stopping.
 */
final class NetworkFit {
    /** L-BFGS stops when the gradient norm falls below this fraction of its norm at the start. */
    private static final double GRADIENT_TOLERANCE = 1e-10;
    /** Largest change of any weight on L-BFGS's first (steepest-descent) trial step. */
    private static final double FIRST_WEIGHT_CHANGE = 1e-2;

    private final NnpModel model;
    private final FitSettings settings;
    private final LearningCurve curve;
    private final List<InvariantTarget> invariants;
    /** The invariant points' cached descriptors, in the order of {@link #invariants}. */
    private final List<CachedStructure> points = new ArrayList<>();

    /** An invariant point as cached for the networks, with its log column names. */
    record InvariantTarget(String name, CachedStructure data, double reference) {}

    /**
     * What the fit ended with.
     *
     * @param epochsRun        logged rows after row 0: Adam epochs plus L-BFGS iterations
     * @param lbfgsIterations  of which L-BFGS iterations
     * @param lbfgsEvaluations full-batch loss and gradient evaluations L-BFGS made (line searches included)
     */
    record Result(double[] parameters, int bestEpoch, int epochsRun, int lbfgsIterations, long lbfgsEvaluations,
                  double seconds) {}

    /** The best parameters so far and the epoch (row) count, shared by the Adam and L-BFGS phases. */
    private static final class Track {
        final double[] best;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch, epoch;

        Track(double[] start) { best = start.clone(); }

        /** Keeps p if its watched loss is the lowest so far; returns whether it was. */
        boolean offer(double loss, double[] p) {
            if (!(loss < bestLoss)) return false;
            bestLoss = loss;
            bestEpoch = epoch;
            System.arraycopy(p, 0, best, 0, p.length);
            return true;
        }
    }

    NetworkFit(NnpModel model, FitSettings settings, LearningCurve curve, List<InvariantTarget> invariants) {
        this.model = model;
        this.settings = settings;
        this.curve = curve;
        this.invariants = invariants;
        for (InvariantTarget t : invariants) points.add(t.data);
    }

    Result run(double[] start, List<CachedStructure> train, List<CachedStructure> validation, long seed, int threads) {
        return run(start, train, validation, seed, threads, TrainingCheckpoint.NONE);
    }

    /**
     * Fits from {@code start}, or, if {@code checkpoint} holds the state of this fit killed
     * earlier, from there: the epochs and iterations that follow are the ones an uninterrupted fit
     * takes, to the bit. The state is saved after every epoch and iteration.
     */
    Result run(double[] start, List<CachedStructure> train, List<CachedStructure> validation, long seed, int threads,
               TrainingCheckpoint checkpoint) {
        State state = new State(start, checkpoint);
        long t0 = System.nanoTime() - (long) (state.before * 1e9); // a resumed fit's clock goes on
        if (state.phase != DONE) {
            ParallelEvaluator eval = new ParallelEvaluator(model, threads);
            if (state.phase == ADAM && state.track.epoch == 0 && !state.resumed) {
                state.initial = log(eval, start, train, validation, 0, 0.0, t0);
            }
            if (state.phase == ADAM) {
                adam(eval, state, train, validation, seed, t0);
                state.phase = LBFGS;
                if (settings.lbfgs() > 0 && state.track.epoch == 0) state.track.bestLoss = state.initial; // epochs=0: L-BFGS from the initial networks
            }
            if (settings.lbfgs() > 0) lbfgs(eval, state, train, validation, t0);
            state.phase = DONE;
            state.save(t0, null);
        }
        Track track = state.track;
        return new Result(track.best, track.bestEpoch, track.epoch, state.iterations, state.evaluations, (System.nanoTime() - t0) * 1e-9);
    }

    /** The Adam epochs, within Adam's share of the time limit. */
    private void adam(ParallelEvaluator eval, State state, List<CachedStructure> train, List<CachedStructure> validation, long seed, long t0) {
        Track track = state.track;
        double[] p = state.p, grad = new double[model.parameters];
        Adam adam = state.adam;
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = new int[train.size()];
        for (int k = 0; k < order.length; k++) order[k] = k;
        // a resumed fit replays the shuffles of the epochs done: the same order and random stream follow
        for (int e = 0; e < track.epoch; e++) shuffle(order, rng);
        double budget = settings.adamTimeLimit();
        List<CachedStructure> batch = new ArrayList<>(settings.batch());
        while (track.epoch < settings.epochs()) {
            double rate = settings.rateAt(track.epoch);
            shuffle(order, rng);
            for (int k = 0; k < order.length; k += settings.batch()) {
                batch.clear();
                for (int q = k; q < Math.min(order.length, k + settings.batch()); q++) batch.add(train.get(order[q]));
                eval.lossGradient(p, batch, settings.forceWeight(), grad);
                eval.invariantGradient(p, points, settings.invariantWeight(), grad);
                adam.step(p, grad, rate);
            }
            int epoch = ++track.epoch;
            double loss = log(eval, p, train, validation, epoch, rate, t0);
            if (!Double.isFinite(loss)) {
                throw new org.jmd.engine.InputException("nnp: the loss became " + loss + " at epoch " + epoch
                        + "; lower learning_rate= or force_weight=");
            }
            if (!track.offer(loss, p) && settings.patience() > 0 && epoch - track.bestEpoch >= settings.patience()) break;
            if (budget > 0 && (System.nanoTime() - t0) * 1e-9 > budget) break;
            state.save(t0, null);
        }
    }

    /**
     * Full-batch L-BFGS from the best parameters so far. Stops after {@code lbfgs} iterations,
     * {@code patience} iterations without a better watched loss (counted from the start of this
     * phase), at the time limit (Adam's time included), when the line search finds no lower loss,
     * or when the gradient has vanished.
     */
    private void lbfgs(ParallelEvaluator eval, State state, List<CachedStructure> train, List<CachedStructure> validation, long t0) {
        Track track = state.track;
        FullBatchLoss loss = new FullBatchLoss(eval, train, points, settings.forceWeight(), settings.invariantWeight());
        Lbfgs opt = new Lbfgs(loss, model.parameters, settings.lbfgsMemory(), StepLimits.unscaled(FIRST_WEIGHT_CHANGE));
        if (state.savedLbfgs != null) {
            state.restore(opt);
        } else {
            opt.start(track.best);
            state.tolerance = GRADIENT_TOLERANCE * opt.gradientNorm();
            state.lastImprovement = track.epoch;
        }
        while (state.iterations < settings.lbfgs()) {
            if (settings.timeLimit() > 0 && (System.nanoTime() - t0) * 1e-9 > settings.timeLimit()) break;
            if (opt.gradientNorm() <= state.tolerance) break;
            double step = opt.iterate();
            if (Double.isNaN(step)) break;                 // no lower loss along the direction
            state.iterations++;
            int epoch = ++track.epoch;
            double watched = log(eval, opt.position(), train, validation, epoch, step, t0);
            if (track.offer(watched, opt.position())) state.lastImprovement = epoch;
            else if (settings.patience() > 0 && epoch - state.lastImprovement >= settings.patience()) break;
            state.evaluations = opt.evaluations();
            state.save(t0, opt);
        }
        state.evaluations = opt.evaluations();
    }

    private static final int ADAM = 0, LBFGS = 1, DONE = 2;

    /**
     * Where the fit is: the phase, the best parameters and epoch count, Adam's parameters and
     * moments, L-BFGS's point and history, and the learning curve so far — what a checkpoint
     * holds, saved after every epoch and iteration, so that a killed training goes on exactly.
     */
    private final class State {
        private final TrainingCheckpoint checkpoint;
        int phase = ADAM;
        final Track track;
        final double[] p;
        final Adam adam = new Adam(model.parameters);
        final boolean resumed;
        /** Loss at the initial parameters (row 0). */
        double initial = Double.NaN;
        int iterations, lastImprovement;
        long evaluations;
        double tolerance;
        /** L-BFGS state read from the checkpoint, handed to the optimizer once it exists. */
        byte[] savedLbfgs;
        /** Seconds the fit had run before it was resumed. */
        double before;

        State(double[] start, TrainingCheckpoint checkpoint) {
            this.checkpoint = checkpoint;
            track = new Track(start);
            p = start.clone();
            byte[] saved = checkpoint.load();
            resumed = saved != null;
            if (saved != null) {
                try {
                    read(new DataInputStream(new ByteArrayInputStream(saved)));
                } catch (IOException e) {
                    throw new InputException("nnp: --resume: the training checkpoint does not fit this model (" + e.getMessage()
                            + "); run without --resume to start afresh");
                }
            }
        }

        void save(long t0, Lbfgs opt) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(model.parameters);
                out.writeInt(phase);
                out.writeDouble((System.nanoTime() - t0) * 1e-9);
                out.writeInt(track.epoch);
                out.writeInt(track.bestEpoch);
                out.writeLong(Double.doubleToRawLongBits(track.bestLoss));
                StateIO.write(out, track.best);
                out.writeLong(Double.doubleToRawLongBits(initial));
                StateIO.write(out, p);
                adam.save(out);
                out.writeInt(iterations);
                out.writeInt(lastImprovement);
                out.writeLong(evaluations);
                out.writeLong(Double.doubleToRawLongBits(tolerance));
                out.writeBoolean(opt != null);
                if (opt != null) {
                    ByteArrayOutputStream lb = new ByteArrayOutputStream();
                    try (DataOutputStream o = new DataOutputStream(lb)) {
                        opt.save(o);
                    }
                    out.writeInt(lb.size());
                    lb.writeTo(out);
                }
                writeCurve(out, curve);
            } catch (IOException e) {
                throw new IllegalStateException(e); // in memory: cannot happen
            }
            checkpoint.save(bytes.toByteArray());
        }

        private void read(DataInputStream in) throws IOException {
            if (in.readInt() != model.parameters) throw new IOException("another number of weights");
            phase = in.readInt();
            before = in.readDouble();
            track.epoch = in.readInt();
            track.bestEpoch = in.readInt();
            track.bestLoss = Double.longBitsToDouble(in.readLong());
            StateIO.read(in, track.best);
            initial = Double.longBitsToDouble(in.readLong());
            StateIO.read(in, p);
            adam.restore(in);
            iterations = in.readInt();
            lastImprovement = in.readInt();
            evaluations = in.readLong();
            tolerance = Double.longBitsToDouble(in.readLong());
            if (in.readBoolean()) savedLbfgs = in.readNBytes(in.readInt()); // handed to the optimizer once it exists
            curve.restore(readCurve(in));
        }

        void restore(Lbfgs opt) {
            try {
                opt.restore(new DataInputStream(new ByteArrayInputStream(savedLbfgs)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            savedLbfgs = null;
        }
    }

    /** The learning curve's rows, bit for bit: the columns once, then each row's (column, value) pairs. */
    private static void writeCurve(DataOutputStream out, LearningCurve curve) throws IOException {
        List<String> columns = curve.columns();
        out.writeInt(columns.size());
        for (String c : columns) out.writeUTF(c);
        List<Map<String, Double>> rows = curve.rows();
        out.writeInt(rows.size());
        for (Map<String, Double> row : rows) {
            out.writeInt(row.size());
            for (Map.Entry<String, Double> e : row.entrySet()) {
                out.writeInt(columns.indexOf(e.getKey()));
                out.writeLong(Double.doubleToRawLongBits(e.getValue()));
            }
        }
    }

    private static List<Map<String, Double>> readCurve(DataInputStream in) throws IOException {
        String[] columns = new String[in.readInt()];
        for (int k = 0; k < columns.length; k++) columns[k] = in.readUTF();
        int n = in.readInt();
        List<Map<String, Double>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int m = in.readInt();
            Map<String, Double> row = new LinkedHashMap<>();
            for (int k = 0; k < m; k++) row.put(columns[in.readInt()], Double.longBitsToDouble(in.readLong()));
            rows.add(row);
        }
        return rows;
    }

    /** Logs one learning-curve row; returns the loss that early stopping watches. */
    private double log(ParallelEvaluator eval, double[] p, List<CachedStructure> train, List<CachedStructure> validation,
                       int epoch, double rate, long t0) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put(LearningCurve.EPOCH, (double) epoch);
        Metrics tr = Metrics.of(eval.errors(p, train));
        row.put(LearningCurve.TRAIN_ENERGY_RMSE, 1000 * tr.energyRmse());
        row.put(LearningCurve.TRAIN_FORCE_RMSE, tr.forceRmse());
        Metrics va = validation.isEmpty() ? null : Metrics.of(eval.errors(p, validation));
        row.put(LearningCurve.VALIDATION_ENERGY_RMSE, va == null ? Double.NaN : 1000 * va.energyRmse());
        row.put(LearningCurve.VALIDATION_FORCE_RMSE, va == null ? Double.NaN : va.forceRmse());
        row.put("train_energy_mae_meV_per_atom", 1000 * tr.energyMae());
        row.put("train_force_mae_eV_per_A", tr.forceMae());
        row.put("validation_energy_mae_meV_per_atom", va == null ? Double.NaN : 1000 * va.energyMae());
        row.put("validation_force_mae_eV_per_A", va == null ? Double.NaN : va.forceMae());
        double[] e = eval.countedEnergies(p, points);
        double ipSquares = 0;
        for (int k = 0; k < e.length; k++) {
            InvariantTarget t = invariants.get(k);
            double dev = e[k] - t.reference;
            ipSquares += dev * dev;
            row.put("ip_" + t.name + "_eV_per_atom", e[k]);
            row.put("ip_" + t.name + "_deviation_meV", 1000 * dev);
        }
        if (e.length > 0) row.put("ip_rms_deviation_meV", 1000 * Math.sqrt(ipSquares / e.length));
        row.put("learning_rate", rate);
        row.put("seconds", (System.nanoTime() - t0) * 1e-9);
        curve.add(row);
        Metrics watched = va == null ? tr : va;
        double w = settings.forceWeight();
        return watched.energyRmse() * watched.energyRmse() + (watched.forceComponents() > 0 ? w * watched.forceRmse() * watched.forceRmse() : 0);
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int k = a.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
    }

    /** Error summary of a data set: per-atom energy over structures, force over components. */
    record Metrics(double energyRmse, double energyMae, double forceRmse, double forceMae, long forceComponents) {
        static Metrics of(ParallelEvaluator.Errors[] errors) {
            double e2 = 0, e1 = 0, f2 = 0, f1 = 0;
            long nf = 0;
            for (ParallelEvaluator.Errors x : errors) {
                e2 += x.energyPerAtom() * x.energyPerAtom();
                e1 += Math.abs(x.energyPerAtom());
                f2 += x.forceSquares();
                f1 += x.forceAbs();
                nf += x.forceComponents();
            }
            int n = Math.max(1, errors.length);
            return new Metrics(Math.sqrt(e2 / n), e1 / n, nf == 0 ? Double.NaN : Math.sqrt(f2 / nf), nf == 0 ? Double.NaN : f1 / nf, nf);
        }
    }
}
