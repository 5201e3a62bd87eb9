package org.cockpit4j.train;

import java.util.List;
import org.cockpit4j.data.Batch;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.optim.Optimizer;

/**
 * What a {@link StepHook} and the {@link BackwardStrategy} see of one training step. The tensors in
 * it (batch, loss value, gradients, the model's cached activations) live until the end of the step;
 * a hook that wants to keep one longer copies it or detaches a view of it.
 *
 * <p>In {@link BackwardStrategy#backward} the parameters hold θ_k and the loss holds this step's
 * forward pass (the gradients are not set yet). In {@link StepHook#afterBackward} the parameters
 * hold θ_k with the gradients of this batch; in {@link StepHook#afterStep} they hold θ_{k+1} (the
 * gradients are still those of θ_k).
 *
 * @param globalStep k, 0-based, counted over the trainer's lifetime
 * @param batch this step's mini-batch
 * @param lossValue the mean loss and the individual losses at θ_k
 * @param model the network
 * @param loss the loss function, holding what its backward and curvature need from this step
 * @param parameters the model's parameters in PyTorch order
 * @param optimizer the optimizer (in {@code afterStep}, it has taken step k)
 * @param learningRate the learning rate used by optimizer step k
 */
public record StepContext(
    int globalStep,
    Batch batch,
    LossValue lossValue,
    Layer model,
    Loss loss,
    List<Parameter> parameters,
    Optimizer optimizer,
    double learningRate) {}
